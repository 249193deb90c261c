/**
 * Template webhooks: review outcome and lifecycle (`message_template_status_update`), Meta's
 * recategorisation (`template_category_update`, 24 h notice then the change) and quality
 * (`message_template_quality_update`). Flat values without metadata; entry.time dates them.
 * @see https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/message_template_status_update
 * @see https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/template_category_update
 * @see https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/template-quality
 */
import { z } from 'zod';
import { GraphId, UnixInt } from './common.schema';

const str = z.string().optional();

export const TemplateStatusUpdate = z.looseObject({
  /** APPROVED, REJECTED, PENDING, PAUSED, DISABLED, FLAGGED, REINSTATED, IN_APPEAL, … */
  event: z.string().min(1),
  message_template_id: GraphId,
  message_template_name: str,
  message_template_language: str,
  message_template_category: str,
  /** e.g. INVALID_FORMAT, PROMOTIONAL, NONE; null when scheduled for deletion. */
  reason: z.string().nullable().optional(),
  disable_info: z.looseObject({ disable_date: z.union([z.string(), z.number()]).optional() }).optional(),
  /** Pause notices: title FIRST_PAUSE, SECOND_PAUSE, RATE_LIMITING_PAUSE, UNPAUSE, DISABLED. */
  other_info: z.looseObject({ title: str, description: str }).optional(),
  rejection_info: z.looseObject({ reason: str, recommendation: str }).optional(),
});
export type TemplateStatusUpdate = z.infer<typeof TemplateStatusUpdate>;

/**
 * Impending: `correct_category` (and `new_category` = current) with `category_update_timestamp`.
 * Completed: `previous_category` → `new_category`.
 */
export const TemplateCategoryUpdate = z.looseObject({
  message_template_id: GraphId,
  message_template_name: str,
  message_template_language: str,
  previous_category: str,
  new_category: str,
  correct_category: str,
  category_update_timestamp: UnixInt.optional(),
});
export type TemplateCategoryUpdate = z.infer<typeof TemplateCategoryUpdate>;

export function categoryUpdatePhase(value: TemplateCategoryUpdate): 'impending' | 'completed' {
  return value.previous_category !== undefined || value.correct_category === undefined ? 'completed' : 'impending';
}

export const TemplateQualityUpdate = z.looseObject({
  message_template_id: GraphId,
  message_template_name: str,
  message_template_language: str,
  previous_quality_score: str,
  /** GREEN | YELLOW | RED | UNKNOWN */
  new_quality_score: z.string().min(1),
});
export type TemplateQualityUpdate = z.infer<typeof TemplateQualityUpdate>;
