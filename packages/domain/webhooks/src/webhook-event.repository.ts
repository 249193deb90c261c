/**
 * `webhook_events`, written set-wise (one statement per chunk, rows passed as one JSON array)
 * because a single webhook can carry 1,000 statuses.
 *
 * Claiming is the dedupe: `INSERT … ON CONFLICT (dedupe_key)` returns only the rows this
 * delivery owns — new keys, plus rows that earlier deliveries could not apply (`failed`, or
 * `unroutable` now that the number is connected), so a replay or a redelivery retries them.
 * Everything else already seen is a duplicate and is not applied again (invariant 5).
 */
import { boundQuery, type EntityManager, type WebhookOutcome } from '@dbulk/db';
import type { StoredChangePayload } from './change-record';

export interface WebhookEventRow {
  dedupe_key: string;
  tenant_id: string | null;
  waba_id: string | null;
  phone_number_id: string | null;
  field: string;
  kind: string;
  payload: StoredChangePayload | Record<string, unknown>;
  received_at: string;
  outcome: Exclude<WebhookOutcome, 'duplicate'>;
  error: string | null;
  source: string | null;
}

const COLUMNS = `dedupe_key text, tenant_id uuid, waba_id text, phone_number_id text, field text, kind text, payload jsonb,
  received_at timestamptz, outcome text, error text, source text`;

const CLAIM = `
insert into webhook_events (dedupe_key, tenant_id, waba_id, phone_number_id, field, kind, payload, received_at, processed_at, outcome, error, source)
select x.dedupe_key, x.tenant_id, x.waba_id, x.phone_number_id, x.field, x.kind, x.payload, x.received_at, now(), x.outcome, x.error, x.source
from jsonb_to_recordset(?::jsonb) as x(${COLUMNS})
on conflict (dedupe_key) do update set
  tenant_id = excluded.tenant_id, waba_id = excluded.waba_id, phone_number_id = excluded.phone_number_id,
  field = excluded.field, kind = excluded.kind, payload = excluded.payload, processed_at = excluded.processed_at,
  outcome = excluded.outcome, error = excluded.error, source = excluded.source
where webhook_events.outcome = 'failed'
   or (webhook_events.outcome = 'unroutable' and excluded.outcome <> 'unroutable')
returning id, dedupe_key`;

/** Inserts or reclaims the rows; returns dedupe key → row id of those this delivery owns. Keys must be distinct. */
export async function claimWebhookEvents(em: EntityManager, rows: WebhookEventRow[]): Promise<Map<string, string>> {
  if (rows.length === 0) return new Map();
  // Key order: two replicas claiming overlapping keys lock them in the same order (no deadlock).
  const sorted = [...rows].sort((a, b) => (a.dedupe_key < b.dedupe_key ? -1 : a.dedupe_key > b.dedupe_key ? 1 : 0));
  const claimed = await boundQuery<{ id: string; dedupe_key: string }>(em, CLAIM, [JSON.stringify(sorted)]);
  return new Map(claimed.map((r) => [r.dedupe_key, String(r.id)]));
}

export interface OutcomeUpdate {
  id: string;
  outcome: Exclude<WebhookOutcome, 'duplicate'>;
  error: string | null;
}

/** Rows are inserted as `applied` (or failed/unroutable); this records what applying decided instead. */
export async function setOutcomes(em: EntityManager, updates: OutcomeUpdate[]): Promise<void> {
  if (updates.length === 0) return;
  await em.execute(
    `update webhook_events w set outcome = x.outcome, error = x.error
     from jsonb_to_recordset(?::jsonb) as x(id bigint, outcome text, error text) where w.id = x.id`,
    [JSON.stringify(updates)],
    'run',
  );
}

/**
 * Deletes rows received before `cutoff`, a batch per transaction so the table is never locked
 * for long; the advisory lock lets one replica do it while the others skip.
 */
export async function deleteWebhookEventsBefore(em: EntityManager, cutoff: Date, batchSize = 5_000): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await em.transactional(async (tx) => {
      const [lock] = await tx.execute<{ ok: boolean }[]>(`select pg_try_advisory_xact_lock(hashtext('dbulk.webhook_events.retention')) as ok`);
      if (!lock?.ok) return -1;
      const rows = await tx.execute<{ n: string }[]>(
        `with gone as (delete from webhook_events where id in (
           select id from webhook_events where received_at < ? order by received_at limit ?) returning 1)
         select count(*) as n from gone`,
        [cutoff.toISOString(), batchSize],
      );
      return Number(rows[0]?.n ?? 0);
    });
    if (deleted < 0) return total;
    total += deleted;
    if (deleted < batchSize) return total;
  }
}

export interface UnroutableEvent {
  id: string;
  dedupeKey: string;
  wabaId: string | null;
  phoneNumberId: string | null;
  payload: StoredChangePayload;
  receivedAt: Date;
  error: string | null;
}

/** `unroutable` rows since `since` whose number (or WABA) has a live account now, oldest first. */
export async function findRoutableUnroutable(em: EntityManager, since: Date, limit: number): Promise<UnroutableEvent[]> {
  const rows = await em.execute<
    { id: string; dedupe_key: string; waba_id: string | null; phone_number_id: string | null; payload: StoredChangePayload; received_at: Date | string; error: string | null }[]
  >(
    `select w.id, w.dedupe_key, w.waba_id, w.phone_number_id, w.payload, w.received_at, w.error
     from webhook_events w
     where w.outcome = 'unroutable' and w.received_at >= ?
       and exists (select 1 from whatsapp_accounts a where a.status <> 'disconnected'
                   and (a.phone_number_id = w.phone_number_id or a.waba_id = w.waba_id))
     order by w.received_at, w.id limit ?`,
    [since.toISOString(), limit],
  );
  return rows.map((r) => ({
    id: String(r.id),
    dedupeKey: r.dedupe_key,
    wabaId: r.waba_id,
    phoneNumberId: r.phone_number_id,
    payload: r.payload,
    receivedAt: new Date(r.received_at),
    error: r.error,
  }));
}
