import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signPayload, verifySignature } from './signature';

const secret = 'app-secret';
const body = Buffer.from('{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[]}]}');

describe('X-Hub-Signature-256', () => {
  it('signs as Meta does: sha256= + hex HMAC of the raw bytes', () => {
    expect(signPayload(secret, body)).toBe(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);
  });

  it('accepts a good signature, in either hex case', () => {
    expect(verifySignature(secret, body, signPayload(secret, body))).toEqual({ ok: true });
    expect(verifySignature(secret, body, signPayload(secret, body).toUpperCase().replace('SHA256=', 'sha256='))).toEqual({ ok: true });
  });

  it('rejects a missing, malformed, wrong-prefix or wrong signature', () => {
    expect(verifySignature(secret, body, undefined)).toEqual({ ok: false, reason: 'missing' });
    expect(verifySignature(secret, body, '')).toEqual({ ok: false, reason: 'missing' });
    expect(verifySignature(secret, body, signPayload(secret, body).replace('sha256=', 'sha1='))).toEqual({ ok: false, reason: 'malformed' });
    expect(verifySignature(secret, body, 'sha256=abc')).toEqual({ ok: false, reason: 'malformed' });
    expect(verifySignature('other-secret', body, signPayload(secret, body))).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('is computed over the exact bytes: re-serialised JSON does not verify', () => {
    const raw = Buffer.from('{"a":"\\u00e9"}');
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(raw.toString())));
    expect(verifySignature(secret, reserialised, signPayload(secret, raw))).toEqual({ ok: false, reason: 'mismatch' });
  });
});
