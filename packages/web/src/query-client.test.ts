import { describe, expect, it } from 'vitest';
import { isAuthMeQuery, shouldRetry } from './query-client';

const apiError = (code: string) => Object.assign(new Error(code), { data: { code } });

describe('shouldRetry', () => {
  it('retries network and server failures twice', () => {
    expect(shouldRetry(0, new TypeError('Failed to fetch'))).toBe(true);
    expect(shouldRetry(1, apiError('INTERNAL_SERVER_ERROR'))).toBe(true);
    expect(shouldRetry(2, apiError('INTERNAL_SERVER_ERROR'))).toBe(false);
  });

  it('never retries answers that will not change', () => {
    for (const code of ['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_REQUEST']) {
      expect(shouldRetry(0, apiError(code))).toBe(false);
    }
  });
});

describe('isAuthMeQuery', () => {
  it('recognises the auth.me key only', () => {
    expect(isAuthMeQuery({ queryKey: [['auth', 'me'], { type: 'query' }] })).toBe(true);
    expect(isAuthMeQuery({ queryKey: [['members', 'list'], { type: 'query' }] })).toBe(false);
    expect(isAuthMeQuery({ queryKey: ['auth'] })).toBe(false);
  });
});
