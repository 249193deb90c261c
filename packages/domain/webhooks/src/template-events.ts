/**
 * Template webhooks → the template's new status, reason and category, and whether an event is
 * older than what the row already shows (Meta does not guarantee order; a late PENDING must not
 * undo an APPROVED).
 * @see /work/shared/meta/README.md §1.2, §2.6, §5
 */
import { TEMPLATE_CATEGORIES, type TemplateCategory, type TemplateStatus } from '@dbulk/db';
import type { TemplateStatusUpdate } from '@dbulk/meta';

/** Webhook event → template status; null: the event is history only (FLAGGED, LOCKED…). */
const STATUS_OF: Record<string, TemplateStatus> = {
  APPROVED: 'APPROVED',
  REJECTED: 'REJECTED',
  PENDING: 'PENDING',
  PAUSED: 'PAUSED',
  DISABLED: 'DISABLED',
  IN_APPEAL: 'IN_APPEAL',
  PENDING_DELETION: 'PENDING_DELETION',
  DELETED: 'DELETED',
  ARCHIVED: 'ARCHIVED',
  LIMIT_EXCEEDED: 'LIMIT_EXCEEDED',
  // Back to sendable: a disabled template reinstated after appeal, an archived one restored.
  REINSTATED: 'APPROVED',
  UNARCHIVED: 'APPROVED',
};

export interface TemplateStatusEffect {
  status: TemplateStatus | null;
  /** A sentence for the tenant: rejection reason and recommendation, pause notice… */
  reason: string | null;
  category: TemplateCategory | null;
}

export function categoryOf(value: string | undefined | null): TemplateCategory | null {
  const upper = value?.toUpperCase();
  return (TEMPLATE_CATEGORIES as readonly string[]).includes(upper ?? '') ? (upper as TemplateCategory) : null;
}

function sentence(...parts: (string | undefined | null)[]): string | null {
  const text = parts.filter((p): p is string => Boolean(p && p.trim())).join(' — ');
  return text || null;
}

export function templateStatusEffect(value: TemplateStatusUpdate): TemplateStatusEffect {
  // An UNPAUSE notice means the template is sendable again, whatever the event says.
  const unpaused = value.other_info?.title === 'UNPAUSE';
  const status = unpaused ? 'APPROVED' : (STATUS_OF[value.event] ?? null);
  const code = value.reason && value.reason !== 'NONE' ? value.reason : null;
  const disable = value.disable_info?.disable_date === undefined ? null : `disabled on ${String(value.disable_info.disable_date)}`;
  const why = [code, value.rejection_info?.reason].filter(Boolean).join(': ');
  const reason =
    value.event === 'REJECTED'
      ? sentence(why, value.rejection_info?.recommendation)
      : sentence(code, value.other_info?.title, value.other_info?.description, disable);
  return { status, reason, category: categoryOf(value.message_template_category) };
}

/** Events are dated in whole seconds and our own writes in milliseconds: allow that much slack. */
export const TEMPLATE_CLOCK_SLACK_MS = 2_000;

/** True when the row already reflects something that happened after this event. */
export function isStaleTemplateEvent(eventAt: Date, statusChangedAt: Date | null): boolean {
  return statusChangedAt !== null && eventAt.getTime() + TEMPLATE_CLOCK_SLACK_MS < statusChangedAt.getTime();
}
