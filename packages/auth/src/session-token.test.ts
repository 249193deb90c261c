import { describe, expect, it } from 'vitest';
import { generateToken, hashToken, SESSION_TTL_MS, shouldRenew } from './session-token';
import { assertPasswordStrength, hashPassword, verifyAgainstDummy, verifyPassword } from './password';

describe('session tokens', () => {
  it('are 32 base32 characters, unique, and hashed to 64 hex characters', () => {
    const a = generateToken();
    const b = generateToken();
    expect(a).toMatch(/^[a-z2-7]{32}$/);
    expect(a).not.toBe(b);
    expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(a)).toBe(hashToken(a));
    expect(hashToken(a)).not.toBe(hashToken(b));
  });

  it('renews only in the second half of the lifetime', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(shouldRenew(new Date(now.getTime() + SESSION_TTL_MS), now)).toBe(false);
    expect(shouldRenew(new Date(now.getTime() + SESSION_TTL_MS / 2 - 1000), now)).toBe(true);
  });
});

describe('passwords', () => {
  it('hashes with argon2id and verifies', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(hash, 'wrong horse battery')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
    expect(await verifyAgainstDummy('anything')).toBe(false);
  });

  it('names the field of a weak password', () => {
    expect(() => assertPasswordStrength('short', 'newPassword')).toThrowError(/newPassword must be at least 10/);
  });
});
