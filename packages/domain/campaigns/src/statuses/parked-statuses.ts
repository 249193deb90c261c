/**
 * Statuses parked in `message_events` (applied_at null) because their wamid was not known when
 * they arrived — Meta's webhook can beat the sender's write of ACCEPTED.
 * - applyParkedStatuses: the sender calls it right after storing wamids (same transaction or
 *   just after commit).
 * - sweepParkedStatuses: the processor runs it every few seconds for the race neither side can
 *   see (the webhook's transaction and the sender's commit overlap), bounded to recent events.
 */
import type { EntityManager } from '@dbulk/db';
import { applyStatuses } from './apply-statuses';
import { WEBHOOK_STATUSES } from './status-rank';
import type { ApplyStatusesResult, StatusEvent } from './status.types';

interface ParkedRow {
  tenant_id: string;
  wamid: string;
  status: string;
  occurred_at: Date | string;
  error_code: number | null;
  error_title: string | null;
  callback_data: string | null;
}

const COLUMNS = `e.tenant_id, e.wamid, e.status, e.occurred_at, e.error_code, e.error_title, e.payload->>'biz_opaque_callback_data' as callback_data`;
const STATUSES = `(${WEBHOOK_STATUSES.map((s) => `'${s}'`).join(', ')})`;

const toEvent = (r: ParkedRow): StatusEvent => ({
  tenantId: r.tenant_id,
  wamid: r.wamid,
  status: r.status,
  occurredAt: r.occurred_at,
  errorCode: r.error_code,
  errorTitle: r.error_title,
  callbackData: r.callback_data,
});

/** Applies the parked statuses of `wamids` (those now stored on campaign messages). */
export async function applyParkedStatuses(em: EntityManager, wamids: string[]): Promise<ApplyStatusesResult> {
  if (wamids.length === 0) return { applied: 0, updated: 0, recovered: 0, progress: [] };
  const rows = await em.execute<ParkedRow[]>(
    `select ${COLUMNS} from message_events e
     where e.wamid in (select jsonb_array_elements_text(?::jsonb)) and e.kind = 'status' and e.applied_at is null
       and e.tenant_id is not null and e.status in ${STATUSES}`,
    [JSON.stringify([...new Set(wamids)])],
  );
  return applyStatuses(em, rows.map(toEvent));
}

export interface SweepOptions {
  /** Only events parked at least this long (younger ones are still in someone's transaction). */
  minAgeMs?: number;
  /** Only events parked at most this long (older ones belong to no campaign: test messages, other apps). */
  maxAgeMs?: number;
  limit?: number;
}

/** Applies parked statuses whose wamid (or callback message) is known by now. */
export async function sweepParkedStatuses(em: EntityManager, options: SweepOptions = {}): Promise<ApplyStatusesResult> {
  const { minAgeMs = 5_000, maxAgeMs = 60 * 60_000, limit = 1_000 } = options;
  const rows = await em.execute<ParkedRow[]>(
    `select ${COLUMNS} from message_events e
     where e.applied_at is null and e.kind = 'status' and e.tenant_id is not null and e.status in ${STATUSES}
       and e.created_at < now() - (? * interval '1 millisecond') and e.created_at > now() - (? * interval '1 millisecond')
       and (exists (select 1 from campaign_messages m where m.wamid = e.wamid)
            or exists (select 1 from campaign_messages m where m.wamid is null and m.id = (
                  case when e.payload->>'biz_opaque_callback_data' ~ '^dbulk:m:[1-9][0-9]{0,17}$'
                  then substring(e.payload->>'biz_opaque_callback_data' from 9)::bigint end)))
     order by e.id limit ?`,
    [minAgeMs, maxAgeMs, limit],
  );
  return applyStatuses(em, rows.map(toEvent));
}
