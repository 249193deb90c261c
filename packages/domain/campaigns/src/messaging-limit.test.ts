import { describe, expect, it } from 'vitest';
import { splitAcrossDays, tierLimit } from './messaging-limit';

const start = new Date('2026-03-10T22:30:00Z');

describe('messaging limit', () => {
  it('maps tiers to limits and treats an unknown tier as 250', () => {
    expect(tierLimit('TIER_2K')).toBe(2_000);
    expect(tierLimit('TIER_UNLIMITED')).toBe(Infinity);
    expect(tierLimit(null)).toBe(250);
    expect(tierLimit('TIER_SOMETHING_NEW')).toBe(250);
  });

  it('keeps everything on one day when it fits', () => {
    expect(splitAcrossDays(200, 250, 250, start, 'UTC')).toEqual([{ day: '2026-03-10', count: 200 }]);
    expect(splitAcrossDays(5_000, Infinity, Infinity, start, 'UTC')).toEqual([
      { day: '2026-03-10', count: 5_000 },
    ]);
  });

  it('fills what is left today, then a full limit per day', () => {
    expect(splitAcrossDays(700, 250, 100, start, 'UTC')).toEqual([
      { day: '2026-03-10', count: 100 },
      { day: '2026-03-11', count: 250 },
      { day: '2026-03-12', count: 250 },
      { day: '2026-03-13', count: 100 },
    ]);
  });

  it('names days in the tenant timezone', () => {
    expect(splitAcrossDays(10, 250, 250, start, 'Asia/Tokyo')[0]!.day).toBe('2026-03-11');
  });

  it('shows zero today when the budget is used up', () => {
    expect(splitAcrossDays(10, 250, -5, start, 'UTC')).toEqual([
      { day: '2026-03-10', count: 0 },
      { day: '2026-03-11', count: 10 },
    ]);
  });
});
