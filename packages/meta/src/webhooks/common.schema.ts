/**
 * Building blocks shared by the webhook field schemas. Every object is loose (unknown fields
 * kept) because Meta adds fields without a version bump; only what dbulk needs is required.
 * @see https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/overview
 */
import { z } from 'zod';

/** Graph ids arrive as strings, but some fields (message_template_id) are JSON ints. */
export const GraphId = z.union([z.string().min(1), z.number()]).transform(String);

/** Unix seconds: strings inside messages/statuses, ints elsewhere; kept as the string form. */
export const UnixSeconds = z.union([z.string().regex(/^\d+$/), z.number().int()]).transform(String);

/** `entry[].time` and similar: an int, tolerated as a numeric string. */
export const UnixInt = z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]);

/** A Meta error as webhooks carry it (statuses[].errors[], messages[].errors[], value.errors[]). */
export const WebhookError = z.looseObject({
  code: z.coerce.number().int(),
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.looseObject({ details: z.string().optional() }).optional(),
  href: z.string().optional(),
});
export type WebhookError = z.infer<typeof WebhookError>;

/** `value.metadata` of the messages and user_preferences fields: which business number. */
export const Metadata = z.looseObject({
  display_phone_number: z.string().optional(),
  phone_number_id: GraphId.optional(),
});

/**
 * `value.contacts[]`: the user's wa_id (phone) and, since 2026, the business-scoped user id;
 * with a WhatsApp username the phone can be absent, so neither id is required alone.
 */
export const WebhookContact = z.looseObject({
  wa_id: z.string().optional(),
  user_id: z.string().optional(),
  username: z.string().optional(),
  profile: z.looseObject({ name: z.string().optional(), username: z.string().optional() }).optional(),
});
export type WebhookContact = z.infer<typeof WebhookContact>;
