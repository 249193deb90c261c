/**
 * `messages` field, `value.messages[]`: what users send. Every message has `id`, `timestamp`
 * and `type`; the sender is `from` (phone) and/or `from_user_id` (BSUID, 2026). A type dbulk
 * does not know parses as kind `unknown` with the raw object kept: any inbound message still
 * opens the customer-service window, so it must reach the processor.
 * @see https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/text
 * @see https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/interactive
 * @see https://developers.facebook.com/docs/whatsapp/button
 */
import { z } from 'zod';
import { UnixSeconds, WebhookError } from './common.schema';

const str = z.string().optional();

export const MessageContext = z.looseObject({
  from: str,
  /** wamid of the message replied to (the template, for a quick-reply tap). */
  id: str,
  forwarded: z.boolean().optional(),
  frequently_forwarded: z.boolean().optional(),
  referred_product: z.looseObject({ catalog_id: str, product_retailer_id: str }).optional(),
});

/** Click-to-WhatsApp ad or page CTA that started the chat (opens a free entry point window). */
export const Referral = z.looseObject({
  source_url: str,
  source_id: str,
  source_type: str,
  headline: str,
  body: str,
  media_type: str,
  image_url: str,
  video_url: str,
  thumbnail_url: str,
  ctwa_clid: str,
});

export const InboundBase = z.looseObject({
  id: z.string().min(1),
  from: str,
  from_user_id: str,
  timestamp: UnixSeconds,
  type: z.string().min(1),
  context: MessageContext.optional(),
  referral: Referral.optional(),
  errors: z.array(WebhookError).optional(),
});

const flag = z.boolean().optional();
const Media = z.looseObject({ id: z.string(), mime_type: str, sha256: str, caption: str, filename: str, url: str, voice: flag, animated: flag });
const reply = z.looseObject({ id: z.string(), title: z.string(), description: str });
const num = z.union([z.number(), z.string()]);

/** Known types: the `type` value and the object carried under the same key. */
export const INBOUND_TYPES = {
  text: z.looseObject({ body: z.string() }),
  button: z.looseObject({ payload: str, text: z.string() }),
  interactive: z.looseObject({
    type: z.string(),
    button_reply: reply.optional(),
    list_reply: reply.optional(),
    nfm_reply: z.looseObject({}).optional(),
  }),
  image: Media,
  video: Media,
  audio: Media,
  document: Media,
  sticker: Media,
  location: z.looseObject({ latitude: z.number(), longitude: z.number(), name: str, address: str, url: str }),
  contacts: z.array(
    z.looseObject({
      name: z.looseObject({ formatted_name: str }).optional(),
      phones: z.array(z.looseObject({ phone: str, wa_id: str, type: str })).optional(),
    }),
  ),
  /** No emoji = the reaction was removed. */
  reaction: z.looseObject({ message_id: z.string(), emoji: str }),
  order: z.looseObject({
    catalog_id: z.string(),
    text: str,
    product_items: z.array(z.looseObject({ product_retailer_id: z.string(), quantity: num, item_price: num, currency: str })),
  }),
  /** e.g. the user changed number (`user_changed_number`, new_wa_id) or identity. */
  system: z.looseObject({ body: str, type: str, wa_id: str, new_wa_id: str, user_id: str, customer: str, identity: str }),
} as const;
export type InboundType = keyof typeof INBOUND_TYPES;

type Base = z.output<typeof InboundBase>;
type Known = { [K in InboundType]: Base & { kind: K; type: K } & { [P in K]: z.output<(typeof INBOUND_TYPES)[K]> } }[InboundType];
/** `unsupported` is Meta's own "cannot show this" type (details in `errors`); `unknown` is ours. */
export type InboundMessage = Known | (Base & { kind: 'unsupported' }) | (Base & { kind: 'unknown' });

export type InboundParse = { ok: true; message: InboundMessage } | { ok: false; error: z.ZodError };

export function parseInboundMessage(raw: unknown): InboundParse {
  const base = InboundBase.safeParse(raw);
  if (!base.success) return { ok: false, error: base.error };
  const type = base.data.type;
  if (type === 'unsupported') return { ok: true, message: { ...base.data, kind: 'unsupported' } };
  if (!Object.hasOwn(INBOUND_TYPES, type)) return { ok: true, message: { ...base.data, kind: 'unknown' } };
  const schema = INBOUND_TYPES[type as InboundType];
  const body = schema.safeParse((raw as Record<string, unknown>)[type]);
  if (!body.success) {
    return { ok: false, error: new z.ZodError(body.error.issues.map((i) => ({ ...i, path: [type, ...i.path] }))) };
  }
  return { ok: true, message: { ...base.data, kind: type, [type]: body.data } as InboundMessage };
}
