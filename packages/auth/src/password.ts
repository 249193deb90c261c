/**
 * argon2id with OWASP's minimum parameters (19 MiB, t=2, p=1): ~10 ms here.
 * @see https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html
 */
import { hash, verify } from '@node-rs/argon2';
import { invalid } from '@dbulk/errors';

const OPTIONS = { algorithm: 2 /* Algorithm.Argon2id, a const enum */, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

export function assertPasswordStrength(password: string, field = 'password'): void {
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw invalid('PASSWORD_TOO_SHORT', `${field} must be at least ${PASSWORD_MIN_LENGTH} characters`, {
      details: { field },
    });
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    throw invalid('PASSWORD_TOO_LONG', `${field} must be at most ${PASSWORD_MAX_LENGTH} characters`, { details: { field } });
  }
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * Verified against when the email is unknown, so an unknown email and a wrong password take
 * the same work and give the same answer (no account enumeration by timing).
 */
let dummyHash: Promise<string> | undefined;
export function verifyAgainstDummy(password: string): Promise<boolean> {
  dummyHash ??= hashPassword('dbulk-dummy-password-never-matches');
  return dummyHash.then((h) => verifyPassword(h, password)).then(() => false);
}
