import { describe, expect, it } from 'vitest';
import { categoriesIn, daysBetween, niceMax, stackByDay } from './spend-chart';
import { formatMoney } from './money';

describe('spend chart shaping', () => {
  it('gives every day of the period a column, empty where nothing was spent', () => {
    const stacks = stackByDay(
      [{ day: '2026-07-02', category: 'utility', amount: 0.5 }],
      '2026-07-01',
      '2026-07-03',
    );
    expect(stacks.map((s) => [s.day, s.total])).toEqual([
      ['2026-07-01', 0],
      ['2026-07-02', 0.5],
      ['2026-07-03', 0],
    ]);
  });

  it('stacks a day’s categories in a fixed order, each starting where the previous ended', () => {
    const [day] = stackByDay(
      [
        { day: '2026-07-01', category: 'utility', amount: 2 },
        { day: '2026-07-01', category: 'marketing', amount: 3 },
        { day: '2026-07-01', category: 'authentication', amount: 1 },
      ],
      '2026-07-01',
      '2026-07-01',
    );
    expect(day!.segments).toEqual([
      { category: 'marketing', amount: 3, from: 0 },
      { category: 'utility', amount: 2, from: 3 },
      { category: 'authentication', amount: 1, from: 5 },
    ]);
    expect(day!.total).toBe(6);
  });

  it('lists days across a month end and the legend in chart order', () => {
    expect(daysBetween('2026-06-29', '2026-07-01')).toEqual(['2026-06-29', '2026-06-30', '2026-07-01']);
    expect(categoriesIn([{ category: 'service' }, { category: 'zzz' }, { category: 'marketing' }])).toEqual([
      'marketing',
      'service',
      'zzz',
    ]);
  });

  it('rounds axis maxima up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 0.03, 0.7, 1, 1.2, 3, 7.5, 12, 480].map(niceMax)).toEqual([1, 0.05, 1, 1, 2, 5, 10, 20, 500]);
  });

  it('shows sub-cent amounts with four decimals and larger ones with two', () => {
    expect(formatMoney(0.0125)).toBe('$0.0125');
    expect(formatMoney(1234.5)).toBe('$1,234.50');
    expect(formatMoney(-2)).toBe('-$2.00');
  });
});
