/**
 * `message_events`, one statement for a whole chunk. Statuses of unknown wamids stay parked
 * (applied_at null) for applyParkedStatuses / the sweep. Unique (wamid, kind, status): a status
 * seen before stays as first recorded, so a redelivery never moves its time.
 */
import { boundQuery, type EntityManager } from '@dbulk/db';
import type { MessageEventRow } from './message-events';

const INSERT = `
insert into message_events (tenant_id, phone_number_id, wamid, kind, status, wa_id, bsuid, occurred_at, error_code, error_title, pricing, conversation, payload, applied_at, created_at)
select x.tenant_id, x.phone_number_id, x.wamid, x.kind, x.status, x.wa_id, x.bsuid, x.occurred_at, x.error_code, x.error_title, x.pricing, x.conversation, x.payload,
  -- A status of a campaign message already known is applied in this same transaction (applyStatuses
  -- runs next): written applied now rather than updated after, one row version instead of two.
  case when k.known then now() end,
  now()
from jsonb_to_recordset(?::jsonb) as x(tenant_id uuid, phone_number_id text, wamid text, kind text, status text, wa_id text, bsuid text,
  occurred_at timestamptz, error_code int, error_title text, pricing jsonb, conversation jsonb, payload jsonb)
left join lateral (select true as known from campaign_messages m
                   where x.kind = 'status' and m.wamid = x.wamid and m.tenant_id = x.tenant_id limit 1) k on true
on conflict (wamid, kind, status) do nothing
returning wamid, kind, status`;

export const messageEventKey = (r: { wamid: string; kind: string; status: string }) => `${r.wamid}\u0000${r.kind}\u0000${r.status}`;

/** Returns the keys (messageEventKey) of the rows that were new: only those are applied. */
export async function insertMessageEvents(em: EntityManager, rows: MessageEventRow[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const key = messageEventKey;
  // Unique-key order, so concurrent chunks touching the same messages cannot deadlock.
  const sorted = [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const inserted = await boundQuery<{ wamid: string; kind: string; status: string }>(em, INSERT, [JSON.stringify(sorted)]);
  return new Set(inserted.map(key));
}
