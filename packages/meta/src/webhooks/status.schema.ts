/**
 * `messages` field, `value.statuses[]`: sent / delivered / read / failed / played for a wamid,
 * with `conversation` (conversation-based pricing; omitted from v24.0 outside free-entry-point
 * windows) and `pricing` (CBP before 2025-07-01, PMP after). Values stay strings, not enums:
 * a pricing type Meta adds (charged service messages from 2026-10-01) must not break parsing.
 * @see https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/status
 * @see https://developers.facebook.com/documentation/business-messaging/whatsapp/pricing
 */
import { z } from 'zod';
import { UnixSeconds, WebhookError } from './common.schema';

export const Conversation = z.looseObject({
  id: z.string().optional(),
  /** Only on `sent`. */
  expiration_timestamp: UnixSeconds.optional(),
  origin: z.looseObject({ type: z.string() }).optional(),
});
export type Conversation = z.infer<typeof Conversation>;

export const Pricing = z.looseObject({
  /** Slated for deprecation: decide billability from `type` + `category`. */
  billable: z.boolean().optional(),
  /** `CBP` | `PMP` */
  pricing_model: z.string().optional(),
  /** PMP: `regular` | `free_customer_service` | `free_entry_point` */
  type: z.string().optional(),
  /** e.g. `marketing`, `utility`, `authentication-international` (hyphen here). */
  category: z.string().optional(),
});
export type Pricing = z.infer<typeof Pricing>;

export const MessageStatus = z.looseObject({
  /** The wamid returned by the send. */
  id: z.string().min(1),
  status: z.string().min(1),
  timestamp: UnixSeconds,
  /** The user's phone/wa_id (or a group id); may be absent when only the BSUID is known. */
  recipient_id: z.string().optional(),
  /** Business-scoped user id (2026). */
  recipient_user_id: z.string().optional(),
  recipient_type: z.string().optional(),
  recipient_participant_id: z.string().optional(),
  recipient_identity_key_hash: z.string().optional(),
  biz_opaque_callback_data: z.string().optional(),
  conversation: Conversation.optional(),
  pricing: Pricing.optional(),
  errors: z.array(WebhookError).optional(),
});
export type MessageStatus = z.infer<typeof MessageStatus>;
