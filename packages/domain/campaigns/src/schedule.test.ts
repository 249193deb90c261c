import { describe, expect, it } from 'vitest';
import { parseScheduledAt } from './schedule';

describe('scheduled times', () => {
  it('reads a local time in the tenant timezone', () => {
    expect(parseScheduledAt('2026-03-10T09:00', 'Europe/Berlin').toISOString()).toBe(
      '2026-03-10T08:00:00.000Z',
    );
    expect(parseScheduledAt('2026-07-10 09:00', 'Europe/Berlin').toISOString()).toBe(
      '2026-07-10T07:00:00.000Z',
    );
    expect(parseScheduledAt('2026-03-10T09:00', 'America/Sao_Paulo').toISOString()).toBe(
      '2026-03-10T12:00:00.000Z',
    );
  });

  it('keeps an ISO time with an offset as it is', () => {
    expect(parseScheduledAt('2026-03-10T09:00:00Z', 'Asia/Tokyo').toISOString()).toBe(
      '2026-03-10T09:00:00.000Z',
    );
  });

  it('refuses what is not a time', () => {
    expect(() => parseScheduledAt('next tuesday', 'UTC')).toThrow(/not a time in UTC/);
  });
});
