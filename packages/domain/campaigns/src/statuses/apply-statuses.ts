/**
 * Status webhooks → campaign messages, one statement per batch (the events as one JSON array):
 * events are folded per wamid (best status by rank, earliest time of each status), matched to
 * messages by wamid — or, for a wamid dbulk never stored, by the message id in
 * `biz_opaque_callback_data` when that message's send is unresolved (SENDING, or FAILED
 * 'ambiguous') — then status moves forward by rank (status-rank.ts), every timestamp is kept,
 * counters move in the same statement, and the matched `message_events` rows are marked applied.
 * Events that match nothing stay parked (applied_at null) for applyParkedStatuses.
 * Idempotent: applying the same events again computes the same row (max of ranks, least of times).
 */
import { boundQuery, type EntityManager } from '@dbulk/db';
import { chargeDeliveries, CREDIT_EXHAUSTED_REASON } from '@dbulk/domain-billing';
import { counterDeltaCtes } from '../messages/counters';
import { messageIdOfCallback } from './callback-data';
import { COUNTED_JSON, snapshotOf, type CountedRow } from './progress-row';
import { isWebhookStatus, rankSql, statusOfRankSql, UNRESOLVED_RANK, webhookRankSql } from './status-rank';
import type { ApplyStatusesResult, StatusEvent } from './status.types';

const firstOf = (column: string) => `min(${column}) filter (where status = `;

const STATEMENT = `
with ev as (
  select * from jsonb_to_recordset(?::jsonb)
    as e(wamid text, status text, at timestamptz, error_code int, error_title text, tenant_id uuid, callback_id bigint)
),
agg as (
  select wamid, tenant_id, max(callback_id) as callback_id, max(${webhookRankSql('status')}) as rank,
    ${firstOf('at')}'sent') as sent_at, ${firstOf('at')}'delivered') as delivered_at,
    ${firstOf('at')}'read') as read_at, ${firstOf('at')}'failed') as failed_at,
    (array_agg(error_code order by at) filter (where status = 'failed'))[1] as error_code,
    (array_agg(error_title order by at) filter (where status = 'failed'))[1] as error_title
  from ev group by wamid, tenant_id
),
target as (
  -- Lateral lookups with LIMIT (never flattened into a join): one unique-index probe per wamid,
  -- whatever the planner guesses about the JSON's size or a freshly filled table's statistics.
  select m.id, a.wamid from agg a cross join lateral (
    select id from campaign_messages where wamid = a.wamid and tenant_id = a.tenant_id limit 1) m
  union all
  select m.id, a.wamid from agg a cross join lateral (
    select id from campaign_messages where id = a.callback_id and tenant_id = a.tenant_id and wamid is null
      and (status = 'SENDING' or (status = 'FAILED' and reason = 'ambiguous')) limit 1) m
  where a.callback_id is not null and not exists (select 1 from campaign_messages x where x.wamid = a.wamid)
),
old as (
  -- Locked in id order, one probe each; FOR UPDATE returns the latest committed version (a sender
  -- may just have stored the wamid).
  select m.id, m.campaign_id, m.status, m.old_wamid, m.reason, t.wamid
  from (select id, wamid from target order by id) t
  cross join lateral (select id, campaign_id, status, wamid as old_wamid, reason from campaign_messages where id = t.id for update) m
),
calc as (
  select o.id, o.status as old_status, o.wamid, (o.old_wamid is null) as recovered, a.sent_at, a.delivered_at, a.read_at,
    a.failed_at, a.error_code, a.error_title,
    greatest(case when o.old_wamid is null then ${UNRESOLVED_RANK} else ${rankSql('o.status')} end, a.rank) as new_rank
  from old o join agg a on a.wamid = o.wamid
  where (o.old_wamid is null and (o.status = 'SENDING' or (o.status = 'FAILED' and o.reason = 'ambiguous')))
     or (o.old_wamid = o.wamid and ${rankSql('o.status')} > 0)
),
moved as (
  update campaign_messages m set
    status = ${statusOfRankSql('c.new_rank')},
    wamid = c.wamid,
    sent_at = least(m.sent_at, c.sent_at),
    delivered_at = least(m.delivered_at, c.delivered_at),
    read_at = least(m.read_at, c.read_at),
    failed_at = case when c.recovered then c.failed_at else least(m.failed_at, c.failed_at) end,
    accepted_at = case when c.recovered then coalesce(m.accepted_at, least(c.sent_at, c.delivered_at, c.read_at, c.failed_at)) else m.accepted_at end,
    error_code = case when c.recovered then c.error_code else coalesce(m.error_code, c.error_code) end,
    error_title = case when c.recovered then c.error_title else coalesce(m.error_title, c.error_title) end,
    reason = case when c.recovered then null else m.reason end,
    needs_review = case when c.recovered then false else m.needs_review end,
    updated_at = now()
  from calc c where m.id = c.id
  returning m.id, m.campaign_id, c.old_status, m.status as new_status, m.wamid, c.recovered
),
${counterDeltaCtes('moved')},
marked as (
  update message_events e set applied_at = now()
  from ev join moved mv on mv.wamid = ev.wamid
  where e.wamid = ev.wamid and e.kind = 'status' and e.status = ev.status and e.applied_at is null
  returning e.id
)
select (select count(*) from marked)::int as applied, (select count(*) from moved)::int as updated,
  (select count(*) from moved where recovered)::int as recovered,
  (select coalesce(json_agg(${COUNTED_JSON}), '[]'::json) from counted k join campaigns x on x.id = k.id) as progress`;

interface Row {
  applied: number;
  updated: number;
  recovered: number;
  progress: CountedRow[];
}

const EMPTY: ApplyStatusesResult = { applied: 0, updated: 0, recovered: 0, progress: [] };

/** Applies status events to campaign messages in one statement; call inside the caller's transaction. */
export async function applyStatuses(em: EntityManager, events: StatusEvent[]): Promise<ApplyStatusesResult> {
  const usable = events.filter((e) => isWebhookStatus(e.status));
  if (usable.length === 0) return EMPTY;
  const iso = (at: Date | string) => (at instanceof Date ? at.toISOString() : at);
  // One JSON array bound once (knex would expand a JS array into a list of bindings).
  const rows = usable.map((e) => ({
    wamid: e.wamid,
    status: e.status,
    at: iso(e.occurredAt),
    error_code: e.errorCode,
    error_title: e.errorTitle,
    tenant_id: e.tenantId,
    callback_id: messageIdOfCallback(e.callbackData),
  }));
  const [row] = await boundQuery<Row>(em, STATEMENT, [JSON.stringify(rows)]);
  if (!row) return EMPTY;
  // Billing in the same transaction: one debit per delivered billable message (or CBP conversation).
  const delivered = usable.filter((e) => e.status === 'delivered' || e.status === 'read');
  const charged = await chargeDeliveries(em, delivered.map((e) => ({ tenantId: e.tenantId, wamid: e.wamid })));
  // A campaign billing paused for lack of credit is announced as paused in this same snapshot.
  const paused = new Set(charged.paused.map((p) => p.campaignId));
  const progress = row.progress.map((r) =>
    paused.has(r.id) ? snapshotOf({ ...r, status: 'PAUSED', status_reason: CREDIT_EXHAUSTED_REASON }) : snapshotOf(r),
  );
  return { applied: row.applied, updated: row.updated, recovered: row.recovered, progress };
}
