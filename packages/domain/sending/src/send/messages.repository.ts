/**
 * The sender's set-wise moves of campaign messages. Each is ONE statement that also moves the
 * campaign counters (counterDeltaCtes) and returns the moved rows and the new counters as
 * JSON, so a batch costs a handful of round trips whatever its size.
 */
import type { EntityManager } from '@dbulk/db';
import { counterDeltaCtes } from '@dbulk/domain-campaigns';

/** `counted` as returned by counterDeltaCtes: a campaign's status and new counters. */
export interface CountedRow {
  id: string;
  tenant_id: string;
  status: string;
  [counter: string]: unknown;
}

export interface ClaimedRow {
  id: string;
  campaign_id: string;
  tenant_id: string;
  phone: string;
  variables: Record<string, string>;
  attempts: number;
}

/** One decided row for applyResults. */
export interface ResultRow {
  id: string;
  status: 'ACCEPTED' | 'RETRY_WAIT' | 'FAILED' | 'PENDING' | 'SKIPPED';
  wamid?: string | null;
  nextAt?: string | null;
  code?: number | null;
  title?: string | null;
  reason?: string | null;
  review?: boolean;
  /** The claim counted an attempt that never happened (released before sending). */
  unattempted?: boolean;
}

const finalSelect = (moved: string) => `select
  (select coalesce(json_agg(${moved}), '[]'::json) from ${moved}) as moved,
  (select coalesce(json_agg(counted), '[]'::json) from counted) as counted`;

async function run<M>(em: EntityManager, sql: string, params: unknown[]): Promise<{ moved: M[]; counted: CountedRow[] }> {
  const [row] = await em.execute<{ moved: M[]; counted: CountedRow[] }[]>(sql, params);
  return { moved: row?.moved ?? [], counted: row?.counted ?? [] };
}

const idsJson = (ids: readonly string[]) => JSON.stringify(ids.map(String));

/**
 * The record's rows, locked by id and only then filtered by status. The planner produces a
 * record before its transaction commits: filtering first would read those rows as PENDING, skip
 * them, and leave them QUEUED with no record until the planner's lease. Locking waits for the
 * planner's commit (or another sender's claim) and returns the rows as they are after it.
 */
const LOCKED = `locked as (
       select m.id, m.campaign_id, m.status from campaign_messages m
       where m.id in (select (jsonb_array_elements_text(?::jsonb))::bigint) order by m.id for update)`;

/** QUEUED → PENDING for rows the sender will not attempt now (paused, stopped, over the rate horizon). */
export function releaseQueued(em: EntityManager, ids: readonly string[]) {
  return run<{ id: string }>(
    em,
    `with ${LOCKED},
     old as (select * from locked where status = 'QUEUED'),
     moved as (
       update campaign_messages m set status = 'PENDING', queued_at = null, updated_at = now() from old where m.id = old.id
       returning m.id, m.campaign_id, old.status as old_status, m.status as new_status),
     ${counterDeltaCtes('moved')}
     ${finalSelect('moved')}`,
    [idsJson(ids)],
  );
}

/**
 * The compare-and-set claim: QUEUED → SENDING for the rows that are still QUEUED once locked
 * (another sender, the planner's lease or a pause may have moved the others). Only claimed rows are sent.
 */
export function claimQueued(em: EntityManager, ids: readonly string[]) {
  return run<ClaimedRow>(
    em,
    `with ${LOCKED},
     old as (select * from locked where status = 'QUEUED'),
     moved as (
       update campaign_messages m set status = 'SENDING', attempts = m.attempts + 1, sending_at = now(), updated_at = now()
       from old where m.id = old.id
       returning m.id::text as id, m.campaign_id, m.tenant_id, m.phone, m.variables, m.attempts,
                 old.status as old_status, m.status as new_status),
     ${counterDeltaCtes('moved')}
     ${finalSelect('moved')}`,
    [idsJson(ids)],
  );
}

/**
 * Writes every outcome of a batch in one statement. Rows must still be SENDING — except that a
 * wamid also lands on a row the planner's lease already declared ambiguous (it was sent after all).
 */
export function applyResults(em: EntityManager, results: readonly ResultRow[]) {
  const rows = results.map((r) => ({
    id: r.id,
    status: r.status,
    wamid: r.wamid ?? null,
    next_at: r.nextAt ?? null,
    code: r.code ?? null,
    title: r.title ?? null,
    reason: r.reason ?? null,
    review: r.review ?? false,
    unattempted: r.unattempted ?? false,
  }));
  return run<{ id: string; status: string; wamid: string | null }>(
    em,
    `with r as (
       select * from jsonb_to_recordset(?::jsonb) as r(id bigint, status text, wamid text, next_at timestamptz, code int,
         title text, reason text, review boolean, unattempted boolean)),
     old as (
       select m.id, m.campaign_id, m.status from campaign_messages m join r on r.id = m.id
       where m.status = 'SENDING'
          or (r.status = 'ACCEPTED' and m.status = 'FAILED' and m.reason = 'ambiguous' and m.wamid is null)
       for update of m),
     moved as (
       update campaign_messages m set
         status = r.status,
         wamid = coalesce(r.wamid, m.wamid),
         accepted_at = case when r.status = 'ACCEPTED' then now() else m.accepted_at end,
         failed_at = case when r.status = 'FAILED' then now() when r.status = 'ACCEPTED' then null else m.failed_at end,
         next_attempt_at = r.next_at,
         error_code = case when r.status = 'ACCEPTED' then null else coalesce(r.code, m.error_code) end,
         error_title = case when r.status = 'ACCEPTED' then null else coalesce(r.title, m.error_title) end,
         reason = case when r.status in ('ACCEPTED', 'PENDING') then null else r.reason end,
         needs_review = r.review,
         attempts = case when r.unattempted then greatest(m.attempts - 1, 0) else m.attempts end,
         updated_at = now()
       from old, r where m.id = old.id and r.id = m.id
       returning m.id::text as id, m.campaign_id, m.wamid, old.status as old_status, m.status as new_status),
     ${counterDeltaCtes('moved')}
     ${finalSelect('moved')}`,
    [JSON.stringify(rows)],
  );
}

/** Active suppressions from Meta's answers (131050 marketing, 131026 all); idempotent. */
export async function suppressRecipients(
  em: EntityManager,
  orders: readonly { tenantId: string; phone: string; scope: 'marketing' | 'all'; reason: string }[],
): Promise<void> {
  if (orders.length === 0) return;
  await em.execute(
    `insert into suppressions (id, tenant_id, phone, scope, source, reason, occurred_at, created_at, updated_at)
     select gen_random_uuid(), o.tenant_id, o.phone, o.scope, 'meta_error', min(o.reason), now(), now(), now()
     from jsonb_to_recordset(?::jsonb) as o(tenant_id uuid, phone text, scope text, reason text)
     group by o.tenant_id, o.phone, o.scope
     on conflict (tenant_id, phone, scope) where lifted_at is null and phone is not null do nothing`,
    [JSON.stringify(orders.map((o) => ({ tenant_id: o.tenantId, phone: o.phone, scope: o.scope, reason: o.reason })))],
    'run',
  );
}
