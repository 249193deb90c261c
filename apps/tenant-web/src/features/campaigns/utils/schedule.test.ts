import { describe, expect, it } from 'vitest';
import { isoToZoned, zonedToIso } from './schedule';

describe('schedules in the tenant timezone', () => {
  it('reads a wall-clock time in the tenant timezone, whatever the browser zone', () => {
    expect(zonedToIso('2026-12-01T09:30', 'UTC')).toBe('2026-12-01T09:30:00.000Z');
    expect(zonedToIso('2026-12-01T09:30', 'Europe/Lisbon')).toBe('2026-12-01T09:30:00.000Z');
    expect(zonedToIso('2026-07-01T09:30', 'Europe/Lisbon')).toBe('2026-07-01T08:30:00.000Z');
    expect(zonedToIso('2026-07-01T09:30', 'America/Sao_Paulo')).toBe('2026-07-01T12:30:00.000Z');
    expect(zonedToIso('2026-07-01T09:30', 'Asia/Kolkata')).toBe('2026-07-01T04:00:00.000Z');
  });

  it('settles the hour after a DST change and refuses malformed text', () => {
    // Lisbon moves to summer time at 01:00 UTC on 29 March 2026.
    expect(zonedToIso('2026-03-29T03:00', 'Europe/Lisbon')).toBe('2026-03-29T02:00:00.000Z');
    // New York goes back to standard time at 06:00 UTC on 1 November 2026.
    expect(zonedToIso('2026-11-01T09:00', 'America/New_York')).toBe('2026-11-01T14:00:00.000Z');
    expect(zonedToIso('tomorrow', 'UTC')).toBeNull();
    expect(zonedToIso('2026-12-01T09:30', 'Mars/Olympus_Mons')).toBeNull();
  });

  it('shows a stored instant on the tenant wall clock', () => {
    expect(isoToZoned('2026-07-01T08:30:00.000Z', 'Europe/Lisbon')).toBe('2026-07-01T09:30');
    expect(isoToZoned('2026-07-01T23:30:00.000Z', 'Asia/Tokyo')).toBe('2026-07-02T08:30');
    expect(isoToZoned('2026-01-15T00:00:00.000Z', 'America/New_York')).toBe('2026-01-14T19:00');
    expect(isoToZoned(zonedToIso('2026-03-29T03:00', 'Europe/Lisbon')!, 'Europe/Lisbon')).toBe('2026-03-29T03:00');
  });
});
