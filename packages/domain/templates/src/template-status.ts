/**
 * Template statuses and the actions each allows, per Meta: only APPROVED, REJECTED and PAUSED
 * templates are editable; DISABLED ones cannot be deleted; drafts live only in dbulk. Pure.
 * @see https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/template-management
 */
import {
  TEMPLATE_CATEGORIES,
  TEMPLATE_STATUSES,
  type TemplateCategory,
  type TemplateStatus,
} from '@dbulk/db';

export const DRAFT_EDITABLE = ['DRAFT', 'REJECTED', 'PAUSED'] as const satisfies readonly TemplateStatus[];
export const META_EDITABLE = ['APPROVED', 'REJECTED', 'PAUSED'] as const satisfies readonly TemplateStatus[];
export const RESUBMITTABLE = ['DRAFT', 'REJECTED', 'PAUSED'] as const satisfies readonly TemplateStatus[];
export const UNDELETABLE = [
  'DELETED',
  'PENDING_DELETION',
  'DISABLED',
] as const satisfies readonly TemplateStatus[];

export const isOneOf = <T extends string>(value: string, list: readonly T[]): value is T =>
  (list as readonly string[]).includes(value);

/** Meta's status word as a dbulk status; undefined for words dbulk does not store (e.g. LOCKED). */
export function metaStatus(value: string | undefined): TemplateStatus | undefined {
  const upper = value?.toUpperCase();
  return upper && upper !== 'DRAFT' && isOneOf(upper, TEMPLATE_STATUSES) ? upper : undefined;
}

export function metaCategory(value: string | undefined): TemplateCategory | undefined {
  const upper = value?.toUpperCase();
  return upper && isOneOf(upper, TEMPLATE_CATEGORIES) ? upper : undefined;
}

/** Meta's `rejected_reason` is `NONE` when there is none. */
export const metaReason = (value: string | undefined) => (value && value !== 'NONE' ? value : null);
