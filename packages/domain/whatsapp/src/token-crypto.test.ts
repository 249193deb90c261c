import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createKeyring, keyId, openToken, sealToken, tokenContext } from './token-crypto';

const k1 = randomBytes(32).toString('base64');
const k2 = randomBytes(32).toString('base64');
const ctx = tokenContext('tenant-1', '1000001');

describe('token encryption', () => {
  it('round-trips and never contains the plaintext', () => {
    const ring = createKeyring(k1);
    const sealed = sealToken(ring, 'EAAG-secret-token', ctx);
    expect(sealed.ciphertext).not.toContain('EAAG');
    expect(sealed.keyId).toBe(keyId(Buffer.from(k1, 'base64')));
    expect(sealed.ciphertext.startsWith(`v1.${sealed.keyId}.`)).toBe(true);
    expect(openToken(ring, sealed.ciphertext, ctx)).toBe('EAAG-secret-token');
  });

  it('uses a fresh IV each time', () => {
    const ring = createKeyring(k1);
    expect(sealToken(ring, 'same', ctx).ciphertext).not.toBe(sealToken(ring, 'same', ctx).ciphertext);
  });

  it('refuses a ciphertext moved to another row or tampered with', () => {
    const ring = createKeyring(k1);
    const sealed = sealToken(ring, 'token', ctx).ciphertext;
    expect(() => openToken(ring, sealed, tokenContext('tenant-2', '1000001'))).toThrowError(/failed authentication/);
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    expect(() => openToken(ring, tampered, ctx)).toThrowError(/failed authentication/);
  });

  it('opens tokens sealed with a previous key after rotation, and names a missing key', () => {
    const old = sealToken(createKeyring(k1), 'token', ctx).ciphertext;
    expect(openToken(createKeyring(k2, [k1]), old, ctx)).toBe('token');
    expect(() => openToken(createKeyring(k2), old, ctx)).toThrowError(/ENCRYPTION_KEYS_PREVIOUS/);
    expect(sealToken(createKeyring(k2, [k1]), 'token', ctx).keyId).toBe(keyId(Buffer.from(k2, 'base64')));
  });

  it('rejects keys that are not 32 bytes', () => {
    expect(() => createKeyring(randomBytes(16).toString('base64'))).toThrowError(/32 bytes/);
  });
});
