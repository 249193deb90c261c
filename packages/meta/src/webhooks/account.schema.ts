/**
 * Number, portfolio and account webhooks: throughput/limit events (`phone_number_quality_update`,
 * whose quality events are legacy), portfolio limits (`business_capability_update`),
 * enforcement and partner events (`account_update`) and the user's marketing stop/resume
 * (`user_preferences`). Limits arrive as tier names or numbers, depending on version.
 * @see https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/phone_number_quality_update
 * @see https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/account_update
 * @see https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/user_preferences
 */
import { z } from 'zod';
import { UnixSeconds } from './common.schema';

const str = z.string().optional();
const limit = z.union([z.string(), z.number()]).optional();

export const PhoneNumberQualityUpdate = z.looseObject({
  display_phone_number: str,
  /** ONBOARDING, THROUGHPUT_UPGRADE; legacy FLAGGED, UNFLAGGED, DOWNGRADE, UPGRADE. */
  event: z.string().min(1),
  old_limit: str,
  current_limit: str,
  max_daily_conversations_per_business: limit,
  max_daily_conversation_per_phone: limit,
});
export type PhoneNumberQualityUpdate = z.infer<typeof PhoneNumberQualityUpdate>;

export const BusinessCapabilityUpdate = z.looseObject({
  /** v24.0+: the portfolio's messaging limit. */
  max_daily_conversations_per_business: limit,
  /** Older versions (removal announced Feb 2026). */
  max_daily_conversation_per_phone: limit,
  max_phone_numbers_per_business: limit,
});
export type BusinessCapabilityUpdate = z.infer<typeof BusinessCapabilityUpdate>;

export const AccountUpdate = z.looseObject({
  /** ACCOUNT_RESTRICTION, ACCOUNT_VIOLATION, DISABLED_UPDATE, PARTNER_APP_UNINSTALLED, … */
  event: z.string().min(1),
  phone_number: str,
  restriction_info: z
    .array(z.looseObject({ restriction_type: z.string(), expiration: z.union([z.number(), z.string()]).optional(), remediation: str }))
    .optional(),
  /** waba_ban_state: DISABLE | REINSTATE | SCHEDULE_FOR_DISABLE (seen as a string or a list). */
  ban_info: z.looseObject({ waba_ban_state: z.union([z.string(), z.array(z.string())]).optional(), waba_ban_date: str }).optional(),
  violation_info: z.looseObject({ violation_type: str }).optional(),
  waba_info: z.looseObject({ waba_id: str, owner_business_id: str, partner_app_id: str }).optional(),
  volume_tier_info: z.looseObject({}).optional(),
});
export type AccountUpdate = z.infer<typeof AccountUpdate>;

/** Events after which dbulk must treat the tenant's connection as unusable until reconnected. */
export const CONNECTION_BREAKING_ACCOUNT_EVENTS = ['ACCOUNT_DELETED', 'ACCOUNT_OFFBOARDED', 'PARTNER_APP_UNINSTALLED', 'PARTNER_REMOVED'] as const;

export const UserPreference = z.looseObject({
  wa_id: str,
  user_id: str,
  detail: str,
  /** `marketing_messages` */
  category: z.string().min(1),
  /** `stop` | `resume` */
  value: z.string().min(1),
  timestamp: UnixSeconds,
});
export type UserPreference = z.infer<typeof UserPreference>;
