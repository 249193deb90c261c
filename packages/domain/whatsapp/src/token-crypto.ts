/**
 * Access tokens at rest: AES-256-GCM with a random 96-bit IV, sealed to the row they belong to
 * (the tenant and phone number id are the additional authenticated data, so a ciphertext copied
 * into another row does not open). Each ciphertext names the key that sealed it; the key id is
 * derived from the key itself, so rotation needs no extra configuration: set the new
 * ENCRYPTION_KEY, list the old one in ENCRYPTION_KEYS_PREVIOUS, run the rotation command.
 * @see https://nodejs.org/api/crypto.html#cryptocreatecipherivalgorithm-key-iv-options
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { AppError } from '@dbulk/errors';

const VERSION = 'v1';

export interface Keyring {
  current: { id: string; key: Buffer };
  byId: Map<string, Buffer>;
}

export function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 12);
}

function decodeKey(base64: string, name: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new AppError('ENCRYPTION_KEY_INVALID', 'internal', `${name} must be 32 bytes, base64-encoded`);
  return key;
}

/** Builds the keyring from ENCRYPTION_KEY and the optional previous keys (base64). */
export function createKeyring(currentBase64: string, previousBase64: string[] = []): Keyring {
  const current = decodeKey(currentBase64, 'ENCRYPTION_KEY');
  const byId = new Map<string, Buffer>([[keyId(current), current]]);
  for (const old of previousBase64) {
    const key = decodeKey(old, 'ENCRYPTION_KEYS_PREVIOUS');
    byId.set(keyId(key), key);
  }
  return { current: { id: keyId(current), key: current }, byId };
}

export interface Sealed {
  ciphertext: string;
  keyId: string;
}

export function sealToken(keyring: Keyring, plaintext: string, context: string): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyring.current.key, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const packed = Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  return { ciphertext: `${VERSION}.${keyring.current.id}.${packed}`, keyId: keyring.current.id };
}

export function openToken(keyring: Keyring, sealed: string, context: string): string {
  const [version, id, packed] = sealed.split('.');
  if (version !== VERSION || !id || !packed) throw new AppError('TOKEN_CIPHERTEXT_INVALID', 'internal', 'stored token is not in a known format');
  const key = keyring.byId.get(id);
  if (!key) {
    throw new AppError('ENCRYPTION_KEY_MISSING', 'internal', `stored token was sealed with key ${id}, which is not configured (add it to ENCRYPTION_KEYS_PREVIOUS)`);
  }
  const raw = Buffer.from(packed, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(raw.subarray(12, 28));
  try {
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch (cause) {
    throw new AppError('TOKEN_CIPHERTEXT_INVALID', 'internal', 'stored token failed authentication (tampered or moved between rows)', { cause });
  }
}

/** The AAD binding a token to its row. */
export const tokenContext = (tenantId: string, phoneNumberId: string) => `whatsapp_account:${tenantId}:${phoneNumberId}`;
