import { errors } from 'undici';
import { describe, expect, it } from 'vitest';
import { classifyTransportError, errorCodeOf } from './transport-errors';

const sysError = (code: string) => Object.assign(new Error(code), { code });

describe('classifyTransportError', () => {
  it('retries anything that failed before the request was written', () => {
    for (const err of [new errors.ConnectTimeoutError(), sysError('ECONNREFUSED'), sysError('ENOTFOUND'), new errors.SocketError('closed')]) {
      expect(classifyTransportError(err, { method: 'POST', written: false }).class).toBe('retryable');
    }
  });

  it('calls a POST that timed out or broke after being written ambiguous', () => {
    for (const err of [new errors.HeadersTimeoutError(), new errors.BodyTimeoutError(), new errors.SocketError('other side closed'), sysError('ECONNRESET')]) {
      const c = classifyTransportError(err, { method: 'POST', written: true });
      expect(c.class).toBe('ambiguous');
      expect(c.reason).toMatch(/may have accepted/);
    }
    expect(classifyTransportError(new errors.HeadersTimeoutError(), { method: 'DELETE', written: true }).class).toBe('ambiguous');
  });

  it('retries a GET whatever happened: reads have no side effects', () => {
    expect(classifyTransportError(new errors.HeadersTimeoutError(), { method: 'GET', written: true }).class).toBe('retryable');
  });

  it('places errors by code when the written signal is missing, unknown ones on the safe side', () => {
    expect(classifyTransportError(new errors.ConnectTimeoutError(), { method: 'POST', written: undefined }).class).toBe('retryable');
    expect(classifyTransportError(sysError('ECONNREFUSED'), { method: 'POST', written: undefined }).class).toBe('retryable');
    expect(classifyTransportError(new errors.HeadersTimeoutError(), { method: 'POST', written: undefined }).class).toBe('ambiguous');
    expect(classifyTransportError(new Error('???'), { method: 'POST', written: undefined }).class).toBe('ambiguous');
  });

  it('names timeouts as timeouts', () => {
    expect(classifyTransportError(new errors.ConnectTimeoutError(), { method: 'POST', written: false }).reason).toMatch(/^timeout before/);
    expect(classifyTransportError(sysError('ECONNREFUSED'), { method: 'POST', written: false }).reason).toMatch(/^network error before/);
  });

  it('finds a code on a wrapped cause', () => {
    expect(errorCodeOf(new Error('fetch failed', { cause: sysError('ECONNREFUSED') }))).toBe('ECONNREFUSED');
    expect(errorCodeOf('nope')).toBeUndefined();
  });
});
