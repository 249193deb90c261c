/**
 * Meta's numbers and vocabularies that dbulk's rules depend on, in one place, so a change on
 * Meta's side is one edit here. Facts and dates: /shared/meta/README.md (§1–§6).
 * @see https://developers.facebook.com/documentation/business-messaging/whatsapp/messaging-limits
 * @see https://developers.facebook.com/documentation/business-messaging/whatsapp/throughput
 * @see https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/components
 */

/**
 * Unique recipients outside a service window per rolling 24 h, per business portfolio (since
 * 2025-10-07). TIER_50 and TIER_1K are the old per-number ladder and still appear in legacy data.
 * Unlimited is Infinity so budget maths (`used < limit`) needs no special case.
 */
export const MESSAGING_LIMIT_TIERS = {
  TIER_50: 50,
  TIER_250: 250,
  TIER_1K: 1_000,
  TIER_2K: 2_000,
  TIER_10K: 10_000,
  TIER_100K: 100_000,
  TIER_UNLIMITED: Number.POSITIVE_INFINITY,
  UNLIMITED: Number.POSITIVE_INFINITY,
} as const;
export type MessagingLimitTier = keyof typeof MESSAGING_LIMIT_TIERS;

/** The tier's recipient budget; undefined for TIER_NOT_SET or a tier name Meta adds later. */
export function messagingLimitOf(tier: string | null | undefined): number | undefined {
  if (!tier) return undefined;
  return Object.hasOwn(MESSAGING_LIMIT_TIERS, tier) ? MESSAGING_LIMIT_TIERS[tier as MessagingLimitTier] : undefined;
}

/** Messages per second per registered number; coexistence (WhatsApp Business app) numbers are fixed. */
export const THROUGHPUT_MPS = { STANDARD: 80, HIGH: 1_000, COEXISTENCE: 20 } as const;
export type ThroughputLevel = keyof typeof THROUGHPUT_MPS;

/** Unknown or missing levels fall back to Meta's default (80), never to the higher rate. */
export function throughputMpsOf(level: string | null | undefined, options: { coexistence?: boolean } = {}): number {
  if (options.coexistence) return THROUGHPUT_MPS.COEXISTENCE;
  return level === 'HIGH' ? THROUGHPUT_MPS.HIGH : THROUGHPUT_MPS.STANDARD;
}

/** Same business number → same user: ~1 message per 6 s, bursts of up to 45 borrowed from later. */
export const PAIR_RATE = { intervalMs: 6_000, burst: 45 } as const;

/** Template creation rules mirrored locally so a draft fails before Meta's review does. */
export const TEMPLATE_LIMITS = {
  nameRegex: /^[a-z0-9_]{1,512}$/,
  nameMaxLength: 512,
  headerTextMaxLength: 60,
  headerTextMaxParameters: 1,
  bodyMaxLength: 1_024,
  footerMaxLength: 60,
  buttonsMax: 10,
  quickReplyMax: 10,
  quickReplyLabelMaxLength: 25,
  urlButtonsMax: 2,
  urlButtonMaxVariables: 1,
  phoneButtonsMax: 1,
  copyCodeButtonsMax: 1,
  copyCodeExampleMaxLength: 15,
  authenticationParameterMaxLength: 15,
  namedParameterRegex: /^[a-z0-9_]+$/,
  createsPerWabaPerHour: 100,
  templatesPerWabaUnverified: 250,
  templatesPerWabaVerified: 6_000,
  approvedEditsPer24h: 1,
  approvedEditsPer30d: 10,
} as const;

/** Free-form text message body limit (only inside a customer-service window). */
export const TEXT_BODY_MAX_LENGTH = 4_096;

export const TEMPLATE_CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION'] as const;
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number];

export const TEMPLATE_PARAMETER_FORMATS = ['POSITIONAL', 'NAMED'] as const;

/** API statuses plus the webhook-only events; only APPROVED templates can be sent. */
export const TEMPLATE_STATUSES = [
  'APPROVED',
  'PENDING',
  'REJECTED',
  'PAUSED',
  'DISABLED',
  'IN_APPEAL',
  'PENDING_DELETION',
  'DELETED',
  'ARCHIVED',
  'LIMIT_EXCEEDED',
] as const;
export const TEMPLATE_STATUS_EVENTS = [...TEMPLATE_STATUSES, 'FLAGGED', 'REINSTATED', 'LOCKED', 'UNARCHIVED'] as const;
export const TEMPLATE_REJECTION_REASONS = [
  'ABUSIVE_CONTENT',
  'INCORRECT_CATEGORY',
  'INVALID_FORMAT',
  'PROMOTIONAL',
  'SCAM',
  'TAG_CONTENT_MISMATCH',
  'NONE',
] as const;

/** Phone number and template quality; NA (and older UNKNOWN) mean "not determined yet". */
export const QUALITY_RATINGS = ['GREEN', 'YELLOW', 'RED', 'NA', 'UNKNOWN'] as const;

/** Status webhook values; a message may skip `delivered` and arrive straight at `read`. */
export const MESSAGE_STATUSES = ['sent', 'delivered', 'read', 'failed', 'played'] as const;
/** `message_status` in the send response: accepted, or held/paused awaiting later webhooks. */
export const SEND_MESSAGE_STATUSES = ['accepted', 'held_for_quality_assessment', 'paused'] as const;

export const PRICING_MODELS = ['CBP', 'PMP'] as const;
/** `pricing.type` under per-message pricing; only `regular` is billable until 2026-10-01. */
export const PRICING_TYPES = ['regular', 'free_customer_service', 'free_entry_point'] as const;
/** `pricing.category`: note the hyphen in authentication-international (underscore in origin types). */
export const PRICING_CATEGORIES = [
  'authentication',
  'authentication-international',
  'marketing',
  'marketing_lite',
  'referral_conversion',
  'service',
  'utility',
] as const;
export const CONVERSATION_ORIGIN_TYPES = [
  'authentication',
  'authentication_international',
  'marketing',
  'marketing_lite',
  'referral_conversion',
  'service',
  'utility',
] as const;

/** A tenant token must carry both: messaging (send) and management (templates, numbers, webhooks). */
export const REQUIRED_TOKEN_SCOPES = ['whatsapp_business_management', 'whatsapp_business_messaging'] as const;

/** Webhook fields dbulk subscribes to and handles (§8). */
export const WEBHOOK_FIELDS = [
  'messages',
  'message_template_status_update',
  'template_category_update',
  'message_template_quality_update',
  'phone_number_quality_update',
  'business_capability_update',
  'account_update',
  'account_alerts',
  'user_preferences',
] as const;

/** Meta's POSTs are at most 3 MB and aggregate at most 1,000 updates. */
export const WEBHOOK_MAX_BYTES = 3 * 1024 * 1024;
export const WEBHOOK_MAX_UPDATES = 1_000;
/** Meta redelivers unacknowledged webhooks for up to 7 days: dedupe keys must outlive that. */
export const WEBHOOK_REDELIVERY_WINDOW_MS = 7 * 24 * 60 * 60 * 1_000;

/** WABA management endpoints: calls per hour per app per WABA (active = has a registered number). */
export const GRAPH_MANAGEMENT_RATE_LIMIT = { perHour: 200, perHourActiveWaba: 5_000 } as const;

/** Fields dbulk reads; `messaging_limit_tier` is added only for v23.0 and older (graph-client.ts). */
export const PHONE_NUMBER_FIELDS = [
  'id',
  'display_phone_number',
  'verified_name',
  'quality_rating',
  'status',
  'name_status',
  'throughput',
  'whatsapp_business_manager_messaging_limit',
  'platform_type',
  'code_verification_status',
] as const;
export const WABA_FIELDS = ['id', 'name', 'currency', 'timezone_id', 'account_review_status', 'message_template_namespace'] as const;
export const TEMPLATE_FIELDS = [
  'id',
  'name',
  'language',
  'status',
  'category',
  'parameter_format',
  'components',
  'quality_score',
  'rejected_reason',
] as const;
