/**
 * Titles for the version history. dbulk's own rows name what a person did (`submitted`,
 * `edited`); rows written from Meta's webhooks carry Meta's event word (`APPROVED`,
 * `CATEGORY_UPDATE`), and a refresh writes `status_changed` with the new status.
 */
import { humanize } from '@dbulk/ui';

const EVENT_TITLES: Record<string, string> = {
  draft_created: 'Draft created',
  submitted: 'Submitted to Meta',
  edited: 'Edited',
  edited_approved: 'Edited after approval',
  status_changed: 'Status changed',
  deleted: 'Deleted',
  deleted_approved: 'Deleted while approved',
  imported: 'Imported from WhatsApp',
};

/** Webhook-driven rows carry Meta's event word (APPROVED, CATEGORY_UPDATE…). */
const META_EVENT_TITLES: Record<string, string> = {
  APPROVED: 'Approved by Meta',
  REJECTED: 'Rejected by Meta',
  PENDING: 'Back in review at Meta',
  PAUSED: 'Paused by Meta',
  DISABLED: 'Disabled by Meta',
  FLAGGED: 'Flagged by Meta',
  REINSTATED: 'Reinstated by Meta',
  IN_APPEAL: 'Appeal in review',
  LIMIT_EXCEEDED: 'Template limit exceeded',
  ARCHIVED: 'Archived by Meta',
  UNARCHIVED: 'Unarchived by Meta',
  PENDING_DELETION: 'Deletion pending at Meta',
  DELETED: 'Deleted at Meta',
  LOCKED: 'Locked by Meta',
  CATEGORY_UPDATE: 'Category changed by Meta',
};

/** A version's title, and whether Meta (a webhook or a refresh) caused it rather than a person. */
export function historyEvent(event: string, status: string): { title: string; meta: string | null } {
  const own = EVENT_TITLES[event];
  if (own && event !== 'status_changed') return { title: own, meta: null };
  const word = event === 'status_changed' ? status : event;
  return { title: META_EVENT_TITLES[word] ?? `${humanize(word)} (Meta)`, meta: word };
}

/**
 * Meta's rejection reason is a code (`INVALID_FORMAT`) when read from the Graph API and may be a
 * sentence with the code in front (`SCAM: The template…`) when it came from a webhook.
 */
export function rejectionOf(reason: string | null): { code: string | null; text: string | null } {
  if (!reason) return { code: null, text: null };
  const match = /^([A-Z][A-Z_]+)(?::\s*(.*))?$/s.exec(reason.trim());
  if (!match) return { code: null, text: reason.trim() };
  return { code: match[1]!, text: match[2]?.trim() || null };
}
