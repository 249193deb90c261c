/**
 * Which of Meta's message statuses wins, whatever order the webhooks arrive in (Meta does not
 * guarantee order: delivered before sent, read before delivered, sent then failed are all seen).
 *
 * Decision (from /work/shared/meta/README.md §2.4, §2.7): a message's webhook status is the
 * highest-ranked status Meta has reported for it, with
 *
 *   ACCEPTED < SENT < FAILED < DELIVERED < READ
 *
 * - `failed` beats `sent`: Meta documents "sent then failed" (sent to WhatsApp's servers, never
 *   delivered), and a failed message is terminal — nothing is resent.
 * - `delivered` and `read` beat `failed`: they are proof the user has the message (Meta bills
 *   on delivered), so a `failed` that arrives after `read` never regresses it, and one that
 *   arrived before a late `delivered` gives way to it. A rank order, rather than "failed is
 *   final whenever it lands", makes the outcome independent of arrival order.
 * Every status keeps its own timestamp (the earliest reported) even when it does not win.
 *
 * A message the sender could not classify (SENDING past its lease, or FAILED with reason
 * 'ambiguous' and no wamid) ranks below all of them, so Meta's webhook resolves it.
 */
import type { MessageStatus } from '@dbulk/db';

/** The statuses of Meta's status webhooks that move campaign messages. */
export const WEBHOOK_STATUSES = ['sent', 'delivered', 'read', 'failed'] as const;
export type WebhookStatus = (typeof WEBHOOK_STATUSES)[number];

export const WEBHOOK_STATUS_OF: Record<WebhookStatus, MessageStatus> = {
  sent: 'SENT',
  delivered: 'DELIVERED',
  read: 'READ',
  failed: 'FAILED',
};

/** Rank of a message status for webhook moves; 0: a status webhooks never move (not sent yet, skipped). */
export const WEBHOOK_RANK: Record<MessageStatus, number> = {
  PENDING: 0,
  QUEUED: 0,
  RETRY_WAIT: 0,
  SKIPPED: 0,
  SENDING: 20,
  ACCEPTED: 30,
  SENT: 40,
  FAILED: 45,
  DELIVERED: 50,
  READ: 60,
};

/** The rank of an unresolved send (SENDING, or FAILED 'ambiguous'): any webhook status beats it. */
export const UNRESOLVED_RANK = WEBHOOK_RANK.SENDING;

export function isWebhookStatus(status: string): status is WebhookStatus {
  return (WEBHOOK_STATUSES as readonly string[]).includes(status);
}

/** A message's rank as the status statement computes it in SQL (see rankSql). */
export function currentRank(status: MessageStatus, reason: string | null, wamid: string | null): number {
  if (status === 'FAILED' && reason === 'ambiguous' && wamid === null) return UNRESOLVED_RANK;
  return WEBHOOK_RANK[status];
}

/** The status a message ends in after webhook statuses `reported`, from `current`. */
export function resolveStatus(current: MessageStatus, reported: WebhookStatus[], unresolved = false): MessageStatus {
  let best = current;
  let rank = unresolved ? UNRESOLVED_RANK : WEBHOOK_RANK[current];
  for (const s of reported) {
    const next = WEBHOOK_STATUS_OF[s];
    if (WEBHOOK_RANK[next] > rank) {
      best = next;
      rank = WEBHOOK_RANK[next];
    }
  }
  return best;
}

/** SQL `case` giving a status column's webhook rank (the same table as WEBHOOK_RANK). */
export function rankSql(column: string): string {
  const whens = Object.entries(WEBHOOK_RANK)
    .filter(([, rank]) => rank > 0)
    .map(([status, rank]) => `when '${status}' then ${rank}`)
    .join(' ');
  return `(case ${column} ${whens} else 0 end)`;
}

/** SQL `case` from a webhook status text ('sent'…) to its message status and rank. */
export function webhookRankSql(column: string): string {
  return `(case ${column} ${WEBHOOK_STATUSES.map((s) => `when '${s}' then ${WEBHOOK_RANK[WEBHOOK_STATUS_OF[s]]}`).join(' ')} else 0 end)`;
}

/** SQL `case` from a rank back to its status (ranks are distinct among webhook-reachable statuses). */
export function statusOfRankSql(column: string): string {
  const reachable: MessageStatus[] = ['SENDING', 'ACCEPTED', 'SENT', 'FAILED', 'DELIVERED', 'READ'];
  return `(case ${column} ${reachable.map((s) => `when ${WEBHOOK_RANK[s]} then '${s}'`).join(' ')} end)`;
}
