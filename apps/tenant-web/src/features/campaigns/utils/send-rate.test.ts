import { describe, expect, it } from 'vitest';
import { addSnapshot, currentRate, niceMax, ratePoints } from './send-rate';

describe('send rate from progress snapshots', () => {
  it('computes messages per second between successive snapshots', () => {
    const points = ratePoints([
      { at: 0, attempted: 0 },
      { at: 2_000, attempted: 100 },
      { at: 3_000, attempted: 180 },
    ]);
    expect(points).toEqual([
      { at: 2_000, rate: 50 },
      { at: 3_000, rate: 80 },
    ]);
  });

  it('counts a decrease as zero and ignores snapshots at the same instant', () => {
    expect(
      ratePoints([
        { at: 0, attempted: 10 },
        { at: 0, attempted: 12 },
        { at: 1_000, attempted: 5 },
      ]),
    ).toEqual([{ at: 1_000, rate: 0 }]);
  });

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

  it('rounds the axis up to 1, 2 or 5 times a power of ten', () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(1.5)).toBe(2);
    expect(niceMax(3)).toBe(5);
    expect(niceMax(7)).toBe(10);
    expect(niceMax(80)).toBe(100);
    expect(niceMax(120)).toBe(200);
  });
});
