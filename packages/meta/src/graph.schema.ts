/**
 * Graph API request and response shapes dbulk uses, in Meta's own field names. Responses are
 * loose (unknown fields kept) and require only what dbulk cannot work without, so a field Meta
 * adds never breaks a send; a missing wamid does.
 * @see https://developers.facebook.com/documentation/business-messaging/whatsapp/reference/whatsapp-business-phone-number/message-api
 * @see https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/template-management
 * @see https://developers.facebook.com/docs/graph-api/reference/debug_token
 */
import { z } from 'zod';

const id = z.union([z.string().min(1), z.number()]).transform(String);

export const SendMessageResponse = z.looseObject({
  messaging_product: z.string().optional(),
  contacts: z.array(z.looseObject({ input: z.string().optional(), wa_id: z.string().optional(), user_id: z.string().optional() })).optional(),
  messages: z.array(z.looseObject({ id: z.string().min(1), message_status: z.string().optional() })).min(1),
});
export type SendMessageResponse = z.infer<typeof SendMessageResponse>;

/** What a send returns: the wamid every status webhook will carry, and Meta's wa_id for the input. */
export interface SendResult {
  wamid: string;
  waId: string | undefined;
  /** Business-scoped user id, when Meta reports one. */
  userId: string | undefined;
  /** `accepted`, `held_for_quality_assessment` or `paused` (text sends report none: accepted). */
  messageStatus: string;
}

export const Paging = z.looseObject({
  cursors: z.looseObject({ before: z.string().optional(), after: z.string().optional() }).optional(),
  next: z.string().optional(),
  previous: z.string().optional(),
});

export const Template = z.looseObject({
  id,
  name: z.string().optional(),
  language: z.string().optional(),
  status: z.string().optional(),
  category: z.string().optional(),
  parameter_format: z.string().optional(),
  components: z.array(z.looseObject({ type: z.string() })).optional(),
  quality_score: z.looseObject({ score: z.string(), date: z.number().optional() }).optional(),
  rejected_reason: z.string().optional(),
  previous_category: z.string().optional(),
});
export type Template = z.infer<typeof Template>;

export const TemplatePage = z.looseObject({ data: z.array(Template), paging: Paging.optional() });
export type TemplatePage = z.infer<typeof TemplatePage>;

export const CreateTemplateResponse = z.looseObject({ id, status: z.string(), category: z.string().optional() });
export type CreateTemplateResponse = z.infer<typeof CreateTemplateResponse>;

export const SuccessResponse = z.looseObject({ success: z.boolean() });
export type SuccessResponse = z.infer<typeof SuccessResponse>;

export const PhoneNumber = z.looseObject({
  id,
  display_phone_number: z.string().optional(),
  verified_name: z.string().optional(),
  quality_rating: z.string().optional(),
  status: z.string().optional(),
  name_status: z.string().optional(),
  code_verification_status: z.string().optional(),
  platform_type: z.string().optional(),
  throughput: z.looseObject({ level: z.string() }).optional(),
  whatsapp_business_manager_messaging_limit: z.string().optional(),
  /** v23.0 and older only; replaced by whatsapp_business_manager_messaging_limit. */
  messaging_limit_tier: z.string().optional(),
});
export type PhoneNumber = z.infer<typeof PhoneNumber>;

export const PhoneNumberList = z.looseObject({ data: z.array(PhoneNumber), paging: Paging.optional() });
export type PhoneNumberList = z.infer<typeof PhoneNumberList>;

export const Waba = z.looseObject({
  id,
  name: z.string().optional(),
  currency: z.string().optional(),
  timezone_id: z.union([z.string(), z.number()]).optional(),
  account_review_status: z.string().optional(),
  message_template_namespace: z.string().optional(),
  whatsapp_business_manager_messaging_limit: z.string().optional(),
});
export type Waba = z.infer<typeof Waba>;

export const SubscribedApps = z.looseObject({
  data: z.array(
    z.looseObject({
      whatsapp_business_api_data: z.looseObject({ id: id.optional(), name: z.string().optional(), link: z.string().optional() }).optional(),
    }),
  ),
});
export type SubscribedApps = z.infer<typeof SubscribedApps>;

export const DebugTokenData = z.looseObject({
  app_id: id.optional(),
  application: z.string().optional(),
  type: z.string().optional(),
  is_valid: z.boolean(),
  /** Unix seconds; 0 = never expires. */
  expires_at: z.number().optional(),
  data_access_expires_at: z.number().optional(),
  scopes: z.array(z.string()).default([]),
  granular_scopes: z.array(z.looseObject({ scope: z.string(), target_ids: z.array(id).optional() })).default([]),
  user_id: id.optional(),
  error: z.looseObject({ code: z.number().optional(), message: z.string().optional() }).optional(),
});
export type DebugTokenData = z.infer<typeof DebugTokenData>;
export const DebugTokenResponse = z.looseObject({ data: DebugTokenData });

// ---- request inputs ---------------------------------------------------------------------

/** A phone number (E.164 digits, `+` tolerated) or, since 2026, a business-scoped user id. */
export type SendTarget = { to: string; recipient?: undefined } | { recipient: string; to?: undefined };

type MediaRef = { id: string; link?: undefined } | { link: string; id?: undefined };
export type TemplateSendParameter = { parameter_name?: string } & (
  | { type: 'text'; text: string }
  | { type: 'currency'; currency: { fallback_value: string; code: string; amount_1000: number } }
  | { type: 'date_time'; date_time: { fallback_value: string } }
  | { type: 'image'; image: MediaRef }
  | { type: 'video'; video: MediaRef }
  | { type: 'document'; document: MediaRef & { filename?: string } }
  | { type: 'location'; location: { latitude: number; longitude: number; name?: string; address?: string } }
  | { type: 'payload'; payload: string }
  | { type: 'coupon_code'; coupon_code: string }
);

export interface TemplateSendComponent {
  type: 'header' | 'body' | 'button';
  sub_type?: 'url' | 'quick_reply' | 'copy_code' | 'flow' | 'voice_call' | 'catalog';
  index?: string | number;
  parameters?: TemplateSendParameter[];
}

export type SendTemplateInput = SendTarget & {
  template: { name: string; language: { code: string; policy?: 'deterministic' }; components?: TemplateSendComponent[] };
  /** Echoed back in every status webhook (tenant/campaign/contact correlation). */
  bizOpaqueCallbackData?: string;
};

export type SendTextInput = SendTarget & {
  text: { body: string; preview_url?: boolean };
  /** wamid to reply to (quotes it). */
  replyTo?: string;
  bizOpaqueCallbackData?: string;
};

/** A creation-time component (uppercase types); passed to Meta as is. */
export interface TemplateComponentDef {
  type: 'HEADER' | 'BODY' | 'FOOTER' | 'BUTTONS';
  format?: 'TEXT' | 'IMAGE' | 'VIDEO' | 'GIF' | 'DOCUMENT' | 'LOCATION';
  text?: string;
  example?: Record<string, unknown>;
  buttons?: Array<{ type: string; text?: string; url?: string; phone_number?: string; example?: string | string[] } & Record<string, unknown>>;
  [key: string]: unknown;
}

export interface CreateTemplateInput {
  name: string;
  category: 'MARKETING' | 'UTILITY' | 'AUTHENTICATION';
  language: string;
  parameter_format?: 'POSITIONAL' | 'NAMED';
  components: TemplateComponentDef[];
}

export interface CallbackOverride {
  override_callback_uri: string;
  verify_token: string;
}

export interface EditTemplateInput {
  category?: CreateTemplateInput['category'];
  components?: TemplateComponentDef[];
}
