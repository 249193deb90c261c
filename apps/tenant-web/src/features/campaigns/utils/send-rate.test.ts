import { describe, expect, it } from 'vitest';
import { addSnapshot, bucketRates, currentRate, niceMax } from './send-rate';

describe('send rate from progress snapshots', () => {
  it('keeps only the window before the newest snapshot, in time order, replacing repeats', () => {
    let list = addSnapshot([], { at: 5_000, attempted: 5 }, 10_000);
    list = addSnapshot(list, { at: 1_000, attempted: 1 }, 10_000);
    list = addSnapshot(list, { at: 5_000, attempted: 6 }, 10_000);
    expect(list).toEqual([
      { at: 1_000, attempted: 1 },
      { at: 5_000, attempted: 6 },
    ]);
    list = addSnapshot(list, { at: 14_000, attempted: 20 }, 10_000);
    expect(list.map((s) => s.at)).toEqual([5_000, 14_000]);
  });

  it('averages the current rate over the last span only', () => {
    const snaps = [
      { at: 0, attempted: 0 },
      { at: 20_000, attempted: 1_000 },
      { at: 25_000, attempted: 1_100 },
      { at: 30_000, attempted: 1_300 },
    ];
    expect(currentRate(snaps, 10_000)).toBe(30);
    expect(currentRate([], 10_000)).toBe(0);
    expect(currentRate([{ at: 1, attempted: 9 }], 10_000)).toBe(0);
  });

  it('spreads the change over equal buckets ending at the newest snapshot', () => {
    const snaps = [
      { at: 10_000, attempted: 0 },
      { at: 12_000, attempted: 40 },
      { at: 12_050, attempted: 50 },
      { at: 20_000, attempted: 50 },
    ];
    expect(bucketRates(snaps, 20_000, 5_000)).toEqual([
      { at: 5_000, rate: 0 },
      { at: 10_000, rate: 0 },
      { at: 15_000, rate: 10 },
      { at: 20_000, rate: 0 },
    ]);
    expect(bucketRates([], 20_000, 5_000)).toEqual([]);
  });

  it('rounds the axis up to 1, 2 or 5 times a power of ten', () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(1.5)).toBe(2);
    expect(niceMax(3)).toBe(5);
    expect(niceMax(7)).toBe(10);
    expect(niceMax(80)).toBe(100);
    expect(niceMax(120)).toBe(200);
  });
});
