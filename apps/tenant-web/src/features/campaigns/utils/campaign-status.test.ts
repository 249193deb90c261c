import { describe, expect, it } from 'vitest';
import { skipReasonLabel, statusBanner } from './campaign-status';
import { attempted, finished, percent, reached, segmentsOf } from './counters';

const counters = {
  total: 100,
  pending: 10,
  queued: 5,
  sending: 5,
  retryWait: 0,
  accepted: 10,
  sent: 20,
  delivered: 20,
  read: 10,
  failed: 5,
  skipped: 15,
};

describe('campaign status words and counters', () => {
  it('explains why a campaign waits or is paused', () => {
    expect(
      statusBanner({ status: 'RUNNING', statusCode: 'MESSAGING_LIMIT_WAIT', statusReason: 'wait' })?.title,
    ).toMatch(/messaging-limit/);
    expect(statusBanner({ status: 'PAUSED', statusCode: 'META_132015', statusReason: 'x' })?.title).toMatch(
      /template/,
    );
    expect(statusBanner({ status: 'PAUSED', statusCode: 'META_190', statusReason: 'x' })?.title).toMatch(
      /needs a human/,
    );
    expect(statusBanner({ status: 'PAUSED', statusCode: 'PAUSED_BY_USER', statusReason: 'x' })?.title).toBe(
      'Paused',
    );
    expect(statusBanner({ status: 'RUNNING', statusCode: null, statusReason: null })).toBeNull();
  });

  it('labels skip reasons in words and keeps unknown ones readable', () => {
    expect(skipReasonLabel('opted_out')).toBe('Opted out');
    expect(skipReasonLabel('some_new_reason')).toBe('some new reason');
  });

  it('counts attempted and finished messages and splits the bar by status', () => {
    expect(attempted(counters)).toBe(65);
    expect(finished(counters)).toBe(80);
    const segments = segmentsOf(counters);
    expect(segments.reduce((sum, s) => sum + s.count, 0)).toBe(counters.total);
    expect(segments[0]).toMatchObject({ key: 'read', count: 10 });
    expect(percent(1, 3)).toBe(33.3);
  });

  it('counts a read message as delivered, sent and accepted too', () => {
    const figures = Object.fromEntries(reached(counters).list.map((f) => [f.key, f.value]));
    expect(figures).toEqual({
      total: 100,
      accepted: 60,
      sent: 50,
      delivered: 30,
      read: 10,
      failed: 5,
      skipped: 15,
    });
    expect(reached(counters).inFlight).toBe(20);
    expect(percent(5, 0)).toBe(0);
  });
});
