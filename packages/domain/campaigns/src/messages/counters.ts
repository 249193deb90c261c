/**
 * Campaign counters hold how many messages are currently in each status. Every statement that
 * moves messages also moves the counters, in the same statement, so a recount always agrees.
 *
 * Usage: write a data-modifying CTE named `moved` that returns
 * `(campaign_id, old_status, new_status)` for each row it changed, then append
 * `counterDeltaCtes('moved')` and a final select:
 *
 *   with old as (select id, campaign_id, status from campaign_messages where … for update),
 *        moved as (update campaign_messages m set status = 'SENDING' … from old where m.id = old.id
 *                  returning m.id, m.campaign_id, old.status as old_status, m.status as new_status),
 *        ${counterDeltaCtes('moved')}
 *   select id from moved
 *
 * Reading the old status needs the self-join (`from old`): RETURNING sees only new values.
 */
import { MESSAGE_STATUSES, type MessageStatus } from '@dbulk/db';

export const COUNTER_COLUMN: Record<MessageStatus, string> = {
  PENDING: 'pending',
  QUEUED: 'queued',
  SENDING: 'sending',
  RETRY_WAIT: 'retry_wait',
  ACCEPTED: 'accepted',
  SENT: 'sent',
  DELIVERED: 'delivered',
  READ: 'read',
  FAILED: 'failed',
  SKIPPED: 'skipped',
};

/**
 * The CTEs `counter_deltas` and `counted` (an UPDATE of campaigns) that apply the moves of `moved`.
 * `counted` returns each touched campaign's id, tenant_id, status and new counters, ready to be
 * published to `dbulk.events` as a progress snapshot after commit.
 */
export function counterDeltaCtes(moved = 'moved'): string {
  const sums = MESSAGE_STATUSES.map(
    (s) =>
      `sum(case when new_status = '${s}' then 1 else 0 end) - sum(case when old_status = '${s}' then 1 else 0 end) as "${COUNTER_COLUMN[s]}"`,
  ).join(', ');
  const sets = MESSAGE_STATUSES.map((s) => `"${COUNTER_COLUMN[s]}" = c."${COUNTER_COLUMN[s]}" + d."${COUNTER_COLUMN[s]}"`).join(', ');
  return `counter_deltas as (
    select campaign_id, ${sums}
    from ${moved} where old_status is distinct from new_status group by campaign_id),
  counted as (
    update campaigns c set ${sets}, updated_at = now()
    from counter_deltas d where c.id = d.campaign_id
    returning c.id, c.tenant_id, c.status, ${MESSAGE_STATUSES.map((s) => `c."${COUNTER_COLUMN[s]}"`).join(', ')})`;
}

/** Status rank for forward-only moves from webhooks: sent < delivered < read; FAILED is terminal. */
export const STATUS_RANK: Record<MessageStatus, number> = {
  PENDING: 0,
  QUEUED: 1,
  SENDING: 2,
  RETRY_WAIT: 1,
  ACCEPTED: 3,
  SENT: 4,
  DELIVERED: 5,
  READ: 6,
  FAILED: 7,
  SKIPPED: 7,
};

/**
 * Done as far as sending goes: once Meta accepted a message its later statuses come by webhook
 * (and may never come), so a campaign completes when every message is in one of these.
 */
export const TERMINAL_STATUSES: readonly MessageStatus[] = ['ACCEPTED', 'SENT', 'DELIVERED', 'READ', 'FAILED', 'SKIPPED'];
