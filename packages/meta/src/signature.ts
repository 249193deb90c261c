/**
 * Meta signs every webhook POST with `X-Hub-Signature-256: sha256=<hex>`: the HMAC-SHA256 of
 * the raw body bytes keyed with the app secret. Verify over the exact bytes received (never a
 * re-serialised JSON) with a constant-time comparison.
 * @see https://developers.facebook.com/docs/graph-api/webhooks/getting-started#validate-payloads
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-hub-signature-256';
const PREFIX = 'sha256=';

export function signPayload(appSecret: string, body: Buffer | string): string {
  return PREFIX + createHmac('sha256', appSecret).update(body).digest('hex');
}

export type SignatureCheck = { ok: true } | { ok: false; reason: 'missing' | 'malformed' | 'mismatch' };

export function verifySignature(appSecret: string, body: Buffer, header: string | string[] | undefined): SignatureCheck {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return { ok: false, reason: 'missing' };
  if (!value.startsWith(PREFIX)) return { ok: false, reason: 'malformed' };
  const hex = value.slice(PREFIX.length);
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) return { ok: false, reason: 'malformed' };
  const expected = createHmac('sha256', appSecret).update(body).digest();
  const given = Buffer.from(hex, 'hex');
  return timingSafeEqual(expected, given) ? { ok: true } : { ok: false, reason: 'mismatch' };
}
