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

  it('follows the zone across its DST changes, seconds included', () => {
    // Lisbon moves to summer time at 01:00 UTC on 29 March 2026 and back at 01:00 UTC on 25 October.
    expect(parseScheduledAt('2026-03-29T00:59:30', 'Europe/Lisbon').toISOString()).toBe('2026-03-29T00:59:30.000Z');
    expect(parseScheduledAt('2026-03-29T03:00', 'Europe/Lisbon').toISOString()).toBe('2026-03-29T02:00:00.000Z');
    expect(parseScheduledAt('2026-10-25T03:00', 'Europe/Lisbon').toISOString()).toBe('2026-10-25T03:00:00.000Z');
    expect(parseScheduledAt('2026-11-01T09:00', 'America/New_York').toISOString()).toBe('2026-11-01T14:00:00.000Z');
  });

  it('refuses what is not a time, and a timezone that does not exist', () => {
    expect(() => parseScheduledAt('next tuesday', 'UTC')).toThrow(/not a time in UTC/);
    expect(() => parseScheduledAt('2026-03-10T09:00', 'Mars/Olympus_Mons')).toThrow(/Mars\/Olympus_Mons/);
  });
});
