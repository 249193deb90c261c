/**
 * Meta's verification handshake: `GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…`
 * is answered with the raw challenge only when the token matches (compared in constant time).
 * @see ../shared/meta/README.md (beside the repository) §2.1
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export type HandshakeResult =
  | { ok: true; challenge: string }
  | { ok: false; status: 400 | 403; reason: 'not_subscribe' | 'token_mismatch' | 'no_challenge' };

/** Hashing first gives equal-length inputs, so neither the length nor the content leaks. */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

const first = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : undefined;

export function checkHandshake(query: Record<string, unknown>, verifyToken: string): HandshakeResult {
  const mode = first(query['hub.mode']);
  const token = first(query['hub.verify_token']);
  const challenge = first(query['hub.challenge']);
  if (mode !== 'subscribe') return { ok: false, status: 403, reason: 'not_subscribe' };
  if (token === undefined || !sameSecret(token, verifyToken)) return { ok: false, status: 403, reason: 'token_mismatch' };
  if (!challenge) return { ok: false, status: 400, reason: 'no_challenge' };
  return { ok: true, challenge };
}
