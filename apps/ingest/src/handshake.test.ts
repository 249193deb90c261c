import { describe, expect, it } from 'vitest';
import { checkHandshake, sameSecret } from './handshake';

const TOKEN = 'verify-me-please';
const query = (overrides: Record<string, unknown> = {}) => ({
  'hub.mode': 'subscribe',
  'hub.verify_token': TOKEN,
  'hub.challenge': '1158201444',
  ...overrides,
});

describe('checkHandshake', () => {
  it('answers the raw challenge when mode and token match', () => {
    expect(checkHandshake(query(), TOKEN)).toEqual({ ok: true, challenge: '1158201444' });
  });

  it('refuses a wrong, missing or prefix-only token with 403', () => {
    for (const token of ['wrong', '', TOKEN.slice(0, -1), `${TOKEN}x`, undefined]) {
      expect(checkHandshake(query({ 'hub.verify_token': token }), TOKEN)).toMatchObject({ ok: false, status: 403, reason: 'token_mismatch' });
    }
  });

  it('refuses any mode other than subscribe with 403', () => {
    expect(checkHandshake(query({ 'hub.mode': 'unsubscribe' }), TOKEN)).toMatchObject({ ok: false, status: 403, reason: 'not_subscribe' });
    expect(checkHandshake(query({ 'hub.mode': undefined }), TOKEN)).toMatchObject({ status: 403 });
  });

  it('refuses a matching token without a challenge with 400', () => {
    expect(checkHandshake(query({ 'hub.challenge': undefined }), TOKEN)).toMatchObject({ ok: false, status: 400, reason: 'no_challenge' });
  });

  it('takes the first value of a repeated parameter', () => {
    expect(checkHandshake(query({ 'hub.verify_token': [TOKEN, 'other'] }), TOKEN)).toMatchObject({ ok: true });
  });
});

describe('sameSecret', () => {
  it('compares whole values of any length', () => {
    expect(sameSecret('abc', 'abc')).toBe(true);
    expect(sameSecret('abc', 'abcd')).toBe(false);
    expect(sameSecret('', 'a')).toBe(false);
  });
});
