import { describe, expect, it } from 'vitest';
import { appCodeOf, errorMessageOf, fieldErrorOf, fieldErrorsOf, isSessionError, trpcCodeOf } from './errors';

function apiError(message: string, data: Record<string, unknown>) {
  return Object.assign(new Error(message), { data });
}

describe('fieldErrorsOf', () => {
  it('returns the non-empty field messages of a tRPC error', () => {
    const error = apiError('invalid', {
      code: 'BAD_REQUEST',
      fieldErrors: { email: ['Invalid email'], password: [], name: undefined },
    });
    expect(fieldErrorsOf(error)).toEqual({ email: ['Invalid email'] });
    expect(fieldErrorOf(error, 'email')).toBe('Invalid email.');
    expect(fieldErrorOf(error, 'password')).toBeUndefined();
  });

  it('returns an empty object for errors without field errors', () => {
    expect(fieldErrorsOf(new Error('x'))).toEqual({});
    expect(fieldErrorsOf(null)).toEqual({});
    expect(fieldErrorsOf(apiError('x', { fieldErrors: 'nope' }))).toEqual({});
  });
});

describe('error codes', () => {
  it('reads the tRPC code and the app code', () => {
    const error = apiError('bad', { code: 'UNAUTHORIZED', appCode: 'INVALID_CREDENTIALS' });
    expect(trpcCodeOf(error)).toBe('UNAUTHORIZED');
    expect(appCodeOf(error)).toBe('INVALID_CREDENTIALS');
  });

  it('treats a failed sign-in as not a session error', () => {
    expect(isSessionError(apiError('x', { code: 'UNAUTHORIZED', appCode: 'INVALID_CREDENTIALS' }))).toBe(false);
    expect(isSessionError(apiError('x', { code: 'UNAUTHORIZED', appCode: 'SESSION_EXPIRED' }))).toBe(true);
    expect(isSessionError(apiError('x', { code: 'UNAUTHORIZED' }))).toBe(true);
    expect(isSessionError(apiError('x', { code: 'FORBIDDEN' }))).toBe(false);
  });
});

describe('errorMessageOf', () => {
  it('uses friendly words for known app codes', () => {
    expect(errorMessageOf(apiError('wrong', { code: 'UNAUTHORIZED', appCode: 'INVALID_CREDENTIALS' }))).toMatch(
      /do not match/,
    );
    expect(errorMessageOf(apiError('slow down', { code: 'TOO_MANY_REQUESTS', appCode: 'LOGIN_THROTTLED' }))).toMatch(
      /Too many sign-in attempts/,
    );
    expect(
      errorMessageOf(apiError('slow down', { code: 'TOO_MANY_REQUESTS', appCode: 'LOGIN_THROTTLED', retryAfter: 290 })),
    ).toBe('Too many sign-in attempts. Try again in 5 minutes.');
  });

  it("keeps the server's contextual message for unknown codes", () => {
    const error = apiError('tenant Acme cannot be suspended twice', { code: 'CONFLICT', appCode: 'ALREADY' });
    expect(errorMessageOf(error)).toBe('Tenant Acme cannot be suspended twice.');
  });

  it('repeats a single field error, and points at the fields when there are several', () => {
    const one = apiError('[{"code":"too_small"}]', { code: 'BAD_REQUEST', fieldErrors: { password: ['too short'] } });
    expect(errorMessageOf(one)).toBe('Too short.');
    const two = apiError('x', { code: 'BAD_REQUEST', fieldErrors: { password: ['too short'], email: ['bad'] } });
    expect(errorMessageOf(two)).toBe('Check the highlighted fields.');
  });

  it('never shows raw payloads or internal errors', () => {
    expect(errorMessageOf(apiError('[{"x":1}]', { code: 'BAD_REQUEST' }))).toBe('Something went wrong. Try again.');
    expect(errorMessageOf(apiError('stack trace', { code: 'INTERNAL_SERVER_ERROR' }))).toMatch(/our side/);
  });

  it('explains network failures', () => {
    expect(errorMessageOf(new TypeError('Failed to fetch'))).toMatch(/Cannot reach/);
  });
});
