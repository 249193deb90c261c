/**
 * Release: the campaigns that may send now (RUNNING, tenant active with sending on, number
 * connected), how much each number and portfolio may take (fair-share.ts), and per campaign
 * one transaction: PENDING → QUEUED (oldest first, SKIP LOCKED, counters in the statement),
 * then `dbulk.send` records of at most 50 ids keyed by tenant, produced BEFORE commit: if Kafka
 * refuses, the rows stay PENDING. A record that lands but whose commit fails only names rows
 * that are not QUEUED, which the sender's compare-and-set ignores.
 */
import type { EntityManager } from '@dbulk/db';
import type { SendRecord } from '@dbulk/kafka';
import { counterDeltaCtes } from '../messages/counters';
import type { CampaignProducer } from '../progress';
import type { Candidate } from './fair-share';
import { tenantScope } from './maintenance';

export const IDS_PER_RECORD = 50;

export interface CandidateRow extends Candidate {
  wabaId: string;
  tier: string | null;
  rate: number;
  statusCode: string | null;
}

export async function loadCandidates(em: EntityManager, tenantIds?: string[]): Promise<CandidateRow[]> {
  const scope = tenantScope('c.tenant_id', tenantIds);
  const rows: Record<string, unknown>[] = await em.execute(
    `select c.id, c.tenant_id, c.pending, c.status_code, a.phone_number_id, a.waba_id, a.messaging_limit_tier,
            coalesce(least(r.rate, coalesce(r.ceiling, r.rate)), a.throughput_mps) as rate
     from campaigns c
     join tenants t on t.id = c.tenant_id and t.sending_enabled and t.status = 'active'
     join whatsapp_accounts a on a.id = c.account_id and a.status = 'connected'
     left join send_rates r on r.phone_number_id = a.phone_number_id
     where c.status = 'RUNNING' and c.pending > 0${scope.sql}
     order by c.created_at`,
    scope.params,
  );
  return rows.map((r) => ({
    campaignId: String(r.id),
    tenantId: String(r.tenant_id),
    phoneNumberId: String(r.phone_number_id),
    wabaId: String(r.waba_id),
    budgetKey: `${r.tenant_id}:${r.waba_id}`,
    pending: Number(r.pending),
    tier: (r.messaging_limit_tier as string | null) ?? null,
    rate: Number(r.rate),
    statusCode: (r.status_code as string | null) ?? null,
  }));
}

/** Messages queued or being sent per phone number (from the counters, which equal a recount). */
export async function inFlightByNumber(em: EntityManager, numbers: string[]): Promise<Map<string, number>> {
  const rows: { phone_number_id: string; n: string }[] = await em.execute(
    `select a.phone_number_id, sum(c.queued + c.sending) as n
     from campaigns c join whatsapp_accounts a on a.id = c.account_id
     where a.phone_number_id in (select jsonb_array_elements_text(?::jsonb)) and (c.queued > 0 or c.sending > 0)
     group by 1`,
    [JSON.stringify(numbers)],
  );
  return new Map(rows.map((r) => [r.phone_number_id, Number(r.n)]));
}

/** Messages of a portfolio on their way to Meta (queued, sending, waiting to retry): they will use budget. */
export async function inFlightByBudget(em: EntityManager, tenantId: string, wabaId: string): Promise<number> {
  const rows: { n: string | null }[] = await em.execute(
    `select sum(c.queued + c.sending + c.retry_wait) as n
     from campaigns c join whatsapp_accounts a on a.id = c.account_id
     where c.tenant_id = ?::uuid and a.waba_id = ?`,
    [tenantId, wabaId],
  );
  return Number(rows[0]?.n ?? 0);
}

// The campaign id is compared as a constant and the RUNNING check is a one-time filter: joined to
// the CTE instead, PostgreSQL walked the primary key from the oldest message of every campaign
// (3 s per tick on a 4-million-row table, where the (campaign_id, id) index takes 0.5 ms).
const RELEASE = `
  with camp as (select id from campaigns where id = ?::uuid and status = 'RUNNING' for share),
  picked as (
    select m.id, m.campaign_id, m.status from campaign_messages m
    where m.campaign_id = ?::uuid and exists (select 1 from camp) and m.status = 'PENDING'
    order by m.id limit ? for update skip locked),
  moved as (
    update campaign_messages m set status = 'QUEUED', queued_at = now(), updated_at = now()
    from picked where m.id = picked.id
    returning m.id, m.campaign_id, picked.status as old_status, m.status as new_status),
  ${counterDeltaCtes('moved')}
  select id::text as id from moved order by id`;

export function sendRecords(
  tenantId: string,
  campaignId: string,
  ids: string[],
): { key: string; value: SendRecord }[] {
  const records: { key: string; value: SendRecord }[] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_RECORD) {
    records.push({
      key: tenantId,
      value: { tenantId, campaignId, messageIds: ids.slice(i, i + IDS_PER_RECORD) },
    });
  }
  return records;
}

/** Queues up to `count` of the campaign's PENDING messages and produces them; returns how many. */
export async function releaseCampaign(
  em: EntityManager,
  producer: CampaignProducer,
  candidate: Pick<Candidate, 'campaignId' | 'tenantId'>,
  count: number,
): Promise<number> {
  return em.transactional(async (tx) => {
    const rows: { id: string }[] = await tx.execute(RELEASE, [candidate.campaignId, candidate.campaignId, count]);
    if (rows.length === 0) return 0;
    await producer.send(
      'dbulk.send',
      sendRecords(
        candidate.tenantId,
        candidate.campaignId,
        rows.map((r) => r.id),
      ),
    );
    return rows.length;
  });
}

export const LIMIT_WAIT_CODE = 'MESSAGING_LIMIT_WAIT';

/** Marks (or clears) the visible wait for the messaging limit; returns whether the row changed. */
export async function setLimitWait(
  em: EntityManager,
  campaignId: string,
  reason: string | null,
): Promise<boolean> {
  const rows: unknown[] = reason
    ? await em.execute(
        `update campaigns set status_code = '${LIMIT_WAIT_CODE}', status_reason = ?, updated_at = now()
         where id = ?::uuid and status = 'RUNNING' and status_code is distinct from '${LIMIT_WAIT_CODE}' returning id`,
        [reason, campaignId],
      )
    : await em.execute(
        `update campaigns set status_code = null, status_reason = null, updated_at = now()
         where id = ?::uuid and status_code = '${LIMIT_WAIT_CODE}' returning id`,
        [campaignId],
      );
  return rows.length > 0;
}
