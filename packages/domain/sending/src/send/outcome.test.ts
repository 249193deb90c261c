import { classifyMetaError, MetaApiError, classifyTransportError } from '@dbulk/meta';
import { describe, expect, it } from 'vitest';
import { AMBIGUOUS_TITLE, decideFailure, UNDELIVERABLE_REASON } from './outcome';

const meta = (code: number, httpStatus = 400) =>
  new MetaApiError({ classification: classifyMetaError(code, { httpStatus }), request: 'POST /v23.0/1/messages', metaCode: code, title: 'OAuthException', metaMessage: 'msg' });
const NOW = 1_700_000_000_000;
const fixed = () => 0.5;

describe('decideFailure', () => {
  it('throttling (130429) waits about a second and slows the number, whatever the attempt count', () => {
    const o = decideFailure(meta(130429), 40, NOW, undefined, fixed);
    expect(o).toMatchObject({ kind: 'retry', errorCode: 130429, throttled: true });
    const wait = (o as { nextAttemptAt: Date }).nextAttemptAt.getTime() - NOW;
    expect(wait).toBeGreaterThanOrEqual(1_000);
    expect(wait).toBeLessThan(2_000);
  });

  it('pair rate (131056) backs off 4^X seconds for the pair and halves', () => {
    const o = decideFailure(meta(131056), 3, NOW, undefined, () => 0);
    expect(o).toMatchObject({ kind: 'retry', throttled: true });
    expect((o as { nextAttemptAt: Date }).nextAttemptAt.getTime() - NOW).toBe(16_000);
  });

  it('retryable errors back off exponentially and fail once attempts are spent', () => {
    const first = decideFailure(meta(131016, 500), 1, NOW, undefined, fixed);
    const second = decideFailure(meta(131016, 500), 2, NOW, undefined, fixed);
    expect(first.kind).toBe('retry');
    const d1 = (first as { nextAttemptAt: Date }).nextAttemptAt.getTime() - NOW;
    const d2 = (second as { nextAttemptAt: Date }).nextAttemptAt.getTime() - NOW;
    expect(d2).toBeGreaterThan(d1 * 2);
    expect(decideFailure(meta(131016, 500), 5, NOW)).toMatchObject({ kind: 'failed', errorCode: 131016, reason: 'retries_exhausted' });
    // 131000 carries its own bound of 3.
    expect(decideFailure(meta(131000, 500), 3, NOW)).toMatchObject({ kind: 'failed' });
  });

  it('131049 waits at least 24 h before the one retry, then fails', () => {
    const o = decideFailure(meta(131049), 1, NOW);
    expect(o.kind).toBe('retry');
    expect((o as { nextAttemptAt: Date }).nextAttemptAt.getTime() - NOW).toBeGreaterThanOrEqual(24 * 3600 * 1_000);
    expect(decideFailure(meta(131049), 5, NOW)).toMatchObject({ kind: 'failed', errorCode: 131049 });
  });

  it('131050 fails and suppresses marketing; 131026 fails and flags the recipient for everything', () => {
    expect(decideFailure(meta(131050), 1, NOW)).toMatchObject({ kind: 'failed', errorCode: 131050, suppress: { scope: 'marketing' } });
    expect(decideFailure(meta(131026), 1, NOW)).toMatchObject({ kind: 'failed', errorCode: 131026, suppress: { scope: 'all', reason: UNDELIVERABLE_REASON } });
  });

  it('permanent and request errors fail with the code and title, not for review', () => {
    expect(decideFailure(meta(132000), 1, NOW)).toMatchObject({ kind: 'failed', errorCode: 132000, reason: 'request_invalid', needsReview: false });
    expect(decideFailure(meta(130403), 1, NOW)).toMatchObject({ kind: 'failed', errorCode: 130403, errorTitle: 'OAuthException: msg', needsReview: false });
  });

  it('needs-a-human codes (190, 131042, 368) pause the campaign with a reason the tenant reads', () => {
    for (const code of [190, 131042, 368]) {
      const o = decideFailure(meta(code, 401), 1, NOW);
      expect(o).toMatchObject({ kind: 'pause', errorCode: code, statusCode: `META_${code}` });
      expect((o as { statusReason: string }).statusReason).toMatch(/resume/);
    }
    expect(decideFailure(meta(131048), 1, NOW)).toMatchObject({ kind: 'pause', throttled: true });
  });

  it('a refused connection (token, permission, locked account) also marks the number broken; a template or spam problem does not', () => {
    for (const code of [190, 131042, 131031]) {
      const o = decideFailure(meta(code, 401), 1, NOW);
      expect(o).toMatchObject({ kind: 'pause', accountBroken: true });
      expect((o as { statusReason: string }).statusReason).toMatch(/Reconnect or revalidate the WhatsApp number/);
    }
    for (const code of [131048, 132015, 131063]) expect(decideFailure(meta(code), 1, NOW)).toMatchObject({ kind: 'pause', accountBroken: false });
  });

  it('a timeout after the request was written is ambiguous: failed, for review, never retried', () => {
    const classification = classifyTransportError(Object.assign(new Error('t'), { code: 'UND_ERR_HEADERS_TIMEOUT' }), { method: 'POST', written: true });
    const err = new MetaApiError({ classification, request: 'POST /v23.0/1/messages' });
    expect(decideFailure(err, 1, NOW)).toMatchObject({ kind: 'failed', reason: 'ambiguous', needsReview: true });
    expect((decideFailure(err, 1, NOW) as { errorTitle: string }).errorTitle).toContain(AMBIGUOUS_TITLE);
  });

  it('a refused connection (never written) is retried', () => {
    const classification = classifyTransportError(Object.assign(new Error('r'), { code: 'ECONNREFUSED' }), { method: 'POST', written: false });
    expect(decideFailure(new MetaApiError({ classification, request: 'POST x' }), 1, NOW).kind).toBe('retry');
  });

  it('an unknown exception is treated as ambiguous (the safe side)', () => {
    expect(decideFailure(new Error('boom'), 1, NOW)).toMatchObject({ kind: 'failed', reason: 'ambiguous', needsReview: true });
  });
});
