import { describe, expect, it } from 'vitest';
import { progressOf, shouldPoll, WATCH_MS } from './test-status';

const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, s)).toISOString();
const ev = (status: string, s: number, extra: { errorCode?: number; errorTitle?: string } = {}) => ({
  status,
  at: at(s),
  errorCode: extra.errorCode ?? null,
  errorTitle: extra.errorTitle ?? null,
});

describe('progressOf', () => {
  it('starts with nothing reached and keeps waiting', () => {
    const progress = progressOf([]);
    expect(progress.steps.sent).toEqual({ at: null, implied: false });
    expect(progress.done).toBe(false);
  });

  it('records each status with its time and stops at read', () => {
    const progress = progressOf([ev('sent', 1), ev('delivered', 2), ev('read', 4)]);
    expect(progress.steps.delivered).toEqual({ at: at(2), implied: false });
    expect(progress.done).toBe(true);
  });

  it('marks earlier steps as done when a later status arrives first', () => {
    const progress = progressOf([ev('delivered', 2)]);
    expect(progress.steps.sent).toEqual({ at: null, implied: true });
    expect(progress.steps.read).toEqual({ at: null, implied: false });
  });

  it('ends on failed with Meta’s code and title, and ignores duplicates', () => {
    const progress = progressOf([
      ev('sent', 1),
      ev('sent', 1),
      ev('failed', 3, { errorCode: 131026, errorTitle: 'Message undeliverable' }),
    ]);
    expect(progress.failed).toEqual({ at: at(3), code: 131026, title: 'Message undeliverable' });
    expect(progress.done).toBe(true);
  });
});

describe('shouldPoll', () => {
  it('polls while in flight for at most the watch window', () => {
    const open = progressOf([ev('sent', 1)]);
    expect(shouldPoll(open, 0, 1_000)).toBe(true);
    expect(shouldPoll(open, 0, WATCH_MS)).toBe(false);
    expect(shouldPoll(progressOf([ev('read', 1)]), 0, 1_000)).toBe(false);
  });
});
