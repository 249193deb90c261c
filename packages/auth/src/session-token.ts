/**
 * Session tokens as in Lucia's session guide: 20 random bytes in lower-case base32 for the
 * cookie; the database keeps only the hex SHA-256, used as the session id.
 * @see https://lucia-auth.com/sessions/basic
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

export function generateToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export function hashToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export const SESSION_COOKIE = 'dbulk_session';
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** A session used in its second half is extended to a full TTL again (sliding expiry). */
export const SESSION_RENEW_WITHIN_MS = SESSION_TTL_MS / 2;

export function shouldRenew(expiresAt: Date, now: Date): boolean {
  return expiresAt.getTime() - now.getTime() < SESSION_RENEW_WITHIN_MS;
}
