import { describe, expect, it } from 'vitest';
import { marketsAt, resolveMarket } from './markets';
import { parseRateCard } from './rate-card.parser';
import { readShippedCard } from './shipped-card';
import type { Rate } from './rate-card.types';

const shipped: Rate[] = parseRateCard(readShippedCard()).rows.map((r) => ({
  ...r,
  effectiveFrom: r.effectiveFrom!,
}));
const on = (day: string) => (phone: string) => resolveMarket(phone, marketsAt(shipped, day))?.market ?? null;
const nov = on('2026-11-15');
const aug = on('2026-08-15');

describe('markets by calling code (shipped card)', () => {
  it('puts US and Canadian numbers in North America', () => {
    expect(nov('+12125550123')).toBe('North America');
    expect(nov('+14165550123')).toBe('North America');
    expect(nov('16045550123')).toBe('North America');
  });

  it.each([
    ['+18095550123', 'Dominican Republic 809'],
    ['+18295550123', 'Dominican Republic 829'],
    ['+18495550123', 'Dominican Republic 849'],
    ['+16585550123', 'Jamaica 658'],
    ['+18765550123', 'Jamaica 876'],
    ['+17875550123', 'Puerto Rico 787'],
    ['+19395550123', 'Puerto Rico 939'],
  ])('puts NANP Caribbean %s (%s) in Rest of Latin America', (phone) => {
    expect(nov(phone)).toBe('Rest of Latin America');
  });

  it('keeps other +1 area codes near the Caribbean ones in North America', () => {
    expect(nov('+18085550123')).toBe('North America'); // Hawaii
    expect(nov('+18775550123')).toBe('North America'); // toll free
    expect(nov('+19385550123')).toBe('North America');
  });

  it('splits +7 between Kazakhstan (76, 77) and Russia from 2026-10-01', () => {
    expect(nov('+77012345678')).toBe('Kazakhstan');
    expect(nov('+76012345678')).toBe('Kazakhstan');
    expect(nov('+79161234567')).toBe('Russia');
    expect(nov('+74951234567')).toBe('Russia');
  });

  it('moves Morocco out of Rest of Africa on 2026-10-01', () => {
    expect(aug('+212612345678')).toBe('Rest of Africa');
    expect(nov('+212612345678')).toBe('Morocco');
    expect(on('2026-09-30')('+212612345678')).toBe('Rest of Africa');
    expect(on('2026-10-01')('+212612345678')).toBe('Morocco');
  });

  it('moves Iraq, Kuwait and Oman out of Rest of Middle East on 2026-10-01', () => {
    for (const [phone, market] of [
      ['+9647001234567', 'Iraq'],
      ['+96550012345', 'Kuwait'],
      ['+96891234567', 'Oman'],
    ] as const) {
      expect(aug(phone)).toBe('Rest of Middle East');
      expect(nov(phone)).toBe(market);
    }
  });

  it('prefers the longest prefix: 971 UAE, 972 Israel, 973 Bahrain (Rest of Middle East)', () => {
    expect(nov('+971501234567')).toBe('United Arab Emirates');
    expect(nov('+972501234567')).toBe('Israel');
    expect(nov('+97333123456')).toBe('Rest of Middle East');
    expect(nov('+97433123456')).toBe('Qatar');
  });

  it('tells 880 Bangladesh from 88x numbers no market lists', () => {
    expect(nov('+8801712345678')).toBe('Bangladesh');
    expect(nov('+886912345678')).toBe('Rest of Asia Pacific');
    expect(nov('+8821234567')).toBe('Other');
  });

  it('sends numbers no market lists to Other', () => {
    expect(nov('+6421234567')).toBe('Rest of Asia Pacific');
    expect(nov('+2901234')).toBe('Other');
    expect(nov('+3545551234')).toBe('Other'); // Iceland
  });

  it('reads numbers written with spaces, dashes or a leading +', () => {
    expect(nov('+44 20 7946 0958')).toBe('United Kingdom');
    expect(nov('1-809-555-0123')).toBe('Rest of Latin America');
  });

  it('knows no market before the first card', () => {
    expect(on('2026-06-30')('+447911123456')).toBeNull();
  });
});

describe('resolveMarket', () => {
  const markets = [
    { market: 'A', codes: ['1'], effectiveFrom: '2026-01-01' },
    { market: 'B', codes: ['1809'], effectiveFrom: '2026-01-01' },
    { market: 'Old', codes: ['44'], effectiveFrom: '2026-01-01' },
    { market: 'New', codes: ['44'], effectiveFrom: '2026-04-01' },
    { market: 'Rest', codes: [], effectiveFrom: '2026-01-01' },
  ];

  it('returns the matched prefix', () => {
    expect(resolveMarket('+18095551234', markets)).toEqual({ market: 'B', code: '1809' });
    expect(resolveMarket('+12125551234', markets)).toEqual({ market: 'A', code: '1' });
    expect(resolveMarket('+33123', markets)).toEqual({ market: 'Rest', code: '' });
  });

  it('gives a code claimed twice to the more recent row', () => {
    expect(resolveMarket('+447911', markets)?.market).toBe('New');
  });

  it('returns null with no rest-of-world market', () => {
    expect(resolveMarket('+33123', markets.slice(0, 2))).toBeNull();
  });
});
