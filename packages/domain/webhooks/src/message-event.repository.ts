/**
 * `message_events`, one statement for a whole chunk. Unique (wamid, kind, status): a status
 * seen before stays as first recorded, so a redelivery never moves its time.
 */
import type { EntityManager } from '@dbulk/db';
import type { MessageEventRow } from './message-events';

const INSERT = `
insert into message_events (tenant_id, phone_number_id, wamid, kind, status, wa_id, bsuid, occurred_at, error_code, error_title, pricing, conversation, payload, applied_at, created_at)
select x.tenant_id, x.phone_number_id, x.wamid, x.kind, x.status, x.wa_id, x.bsuid, x.occurred_at, x.error_code, x.error_title, x.pricing, x.conversation, x.payload, null, now()
from jsonb_to_recordset(?::jsonb) as x(tenant_id uuid, phone_number_id text, wamid text, kind text, status text, wa_id text, bsuid text,
  occurred_at timestamptz, error_code int, error_title text, pricing jsonb, conversation jsonb, payload jsonb)
on conflict (wamid, kind, status) do nothing
returning wamid, kind, status`;

/** Returns how many rows were new. */
export async function insertMessageEvents(em: EntityManager, rows: MessageEventRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const key = (r: MessageEventRow) => `${r.wamid}\u0000${r.kind}\u0000${r.status}`;
  // Unique-key order, so concurrent chunks touching the same messages cannot deadlock.
  const sorted = [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const inserted = await em.execute<unknown[]>(INSERT, [JSON.stringify(sorted)]);
  return inserted.length;
}
