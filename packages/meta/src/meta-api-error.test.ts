import { AppError } from '@dbulk/errors';
import { describe, expect, it } from 'vitest';
import { metaErrorFromBadBody, metaErrorFromResponse, MetaApiError, redact } from './meta-api-error';

const request = 'POST /v23.0/301500000000111/messages';
const metaBody = (code: number, extra: Record<string, unknown> = {}) => ({
  error: {
    message: '(#131049) This message was not delivered to maintain healthy ecosystem engagement.',
    type: 'OAuthException',
    code,
    error_data: { messaging_product: 'whatsapp', details: 'In order to maintain a healthy ecosystem engagement, the message failed to be delivered.' },
    fbtrace_id: 'AbCdEf123',
    ...extra,
  },
});

describe('MetaApiError from a Graph error body', () => {
  it('carries code, subcode, title, message, details, fbtrace_id, status and classification', () => {
    const err = metaErrorFromResponse(request, 400, metaBody(131049, { error_subcode: 2494010, error_user_title: 'Not delivered' }), ['tok'], false);
    expect(err).toBeInstanceOf(MetaApiError);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({
      code: 'META_131049',
      metaCode: 131049,
      subcode: 2494010,
      title: 'Not delivered',
      errorDetails: expect.stringContaining('healthy ecosystem'),
      fbtraceId: 'AbCdEf123',
      responseStatus: 400,
      category: 'invalid',
      errorClass: 'permanent',
    });
    expect(err.classification.notBeforeMs).toBe(24 * 60 * 60 * 1_000);
    expect(err.message).toMatch(/^Meta POST \/v23.0\/301500000000111\/messages failed \(permanent\): 131049 /);
    expect(err.message).toContain('fbtrace_id AbCdEf123');
  });

  it('chooses the AppError category by class', () => {
    const category = (code: number) => metaErrorFromResponse(request, 400, metaBody(code), [], false).category;
    expect(category(130429)).toBe('rate_limited');
    expect(category(131016)).toBe('unavailable');
    expect(category(132000)).toBe('invalid');
    // A tenant's expired Meta token must not look like the dbulk user's session expiring.
    expect(category(190)).toBe('forbidden');
  });

  it('sets retryAfter (seconds) for codes with a minimum wait', () => {
    expect(metaErrorFromResponse(request, 500, metaBody(131057), [], false).retryAfter).toBe(60);
  });

  it('scrubs the token from everything Meta echoes back', () => {
    const token = 'EAAG-tenant-secret-token';
    const err = metaErrorFromResponse(request, 401, metaBody(190, { message: `Invalid token ${token}`, error_data: { details: `token=${token}` } }), [token], true);
    expect(JSON.stringify({ ...err, message: err.message })).not.toContain(token);
    expect(err.metaMessage).toBe('Invalid token [redacted]');
  });

  it('falls back to the HTTP status when there is no Meta body', () => {
    expect(metaErrorFromResponse('GET /v23.0/1', 502, '<html>', [], true).errorClass).toBe('retryable');
    expect(metaErrorFromResponse('GET /v23.0/1', 404, undefined, [], true).errorClass).toBe('permanent');
    expect(metaErrorFromResponse('GET /v23.0/1', 429, undefined, [], true).errorClass).toBe('throttled');
  });

  it('calls a bare 5xx on a write ambiguous: the edge may have passed it on', () => {
    const err = metaErrorFromResponse(request, 504, undefined, [], false);
    expect(err.errorClass).toBe('ambiguous');
    expect(err.code).toBe('META_API_ERROR');
  });

  it('calls an unreadable 2xx on a write ambiguous and on a read permanent', () => {
    expect(metaErrorFromBadBody(request, 200, undefined, false)).toMatchObject({ code: 'META_BAD_RESPONSE', errorClass: 'ambiguous' });
    expect(metaErrorFromBadBody('GET /v23.0/1', 200, undefined, true).errorClass).toBe('permanent');
  });
});

describe('redact', () => {
  it('replaces every occurrence and ignores tiny secrets', () => {
    expect(redact('a SECRET b SECRET', ['SECRET'])).toBe('a [redacted] b [redacted]');
    expect(redact('abc', ['ab'])).toBe('abc');
    expect(redact(undefined, ['SECRET'])).toBeUndefined();
  });
});
