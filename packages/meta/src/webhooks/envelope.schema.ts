/**
 * The POST body around every webhook: `object`, then `entry[]` per WABA (`id`, `time` on
 * template/account fields), each with `changes[]` of `{field, value}`. The value is parsed
 * per field in parse-webhook.ts, so one odd change never rejects its neighbours.
 * @see https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/overview
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { GraphId, UnixInt } from './common.schema';

export const WebhookChangeRaw = z.looseObject({ field: z.string().min(1), value: z.unknown() });

export const WebhookEntry = z.looseObject({
  /** The WABA id. */
  id: GraphId,
  time: UnixInt.optional(),
  changes: z.array(WebhookChangeRaw).default([]),
});

export const WebhookEnvelope = z.looseObject({
  /** `whatsapp_business_account` for everything dbulk subscribes to. */
  object: z.string().min(1),
  entry: z.array(WebhookEntry),
});
export type WebhookEnvelope = z.infer<typeof WebhookEnvelope>;

/** JSON with object keys sorted at every depth: equal values give equal text whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * JSON ints above 2^53 lose digits in JSON.parse. Graph ids are strings except
 * `message_template_id`, so quote that one key's digits before parsing. The `(?<!\\)` keeps a
 * look-alike inside a string value (where quotes are escaped) untouched.
 */
export function parseWebhookJson(raw: string | Buffer | Uint8Array): unknown {
  const text = typeof raw === 'string' ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('utf8');
  if (!text.includes('"message_template_id"')) return JSON.parse(text);
  return JSON.parse(text.replace(/(?<!\\)("message_template_id"\s*:\s*)(\d+)/g, '$1"$2"'));
}
