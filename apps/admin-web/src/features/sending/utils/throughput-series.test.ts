import { describe, expect, it } from 'vitest';
import { niceMax, pruneSamples, throughputSeries } from './throughput-series';

const NOW = Date.parse('2026-11-25T10:00:10.500Z');
const at = (second: number) => new Date(Date.parse('2026-11-25T10:00:00.000Z') + second * 1_000 + 200).toISOString();

describe('throughputSeries', () => {
  it('sums every number’s samples per second and leaves silent seconds at zero', () => {
    const series = throughputSeries(
      [
        { phoneNumberId: 'a', sent: 80, windowMs: 1_000, at: at(8) },
        { phoneNumberId: 'b', sent: 20, windowMs: 1_000, at: at(8) },
        { phoneNumberId: 'a', sent: 60, windowMs: 2_000, at: at(9) },
      ],
      NOW,
      5,
    );
    expect(series.map((p) => p.perSecond)).toEqual([0, 0, 0, 100, 30]);
    expect(series.at(-1)!.t).toBe(Date.parse('2026-11-25T10:00:09.000Z'));
  });

  it('ignores the second still filling up and samples older than the window', () => {
    const series = throughputSeries([{ phoneNumberId: 'a', sent: 5, windowMs: 1_000, at: at(10) }, { phoneNumberId: 'a', sent: 5, windowMs: 1_000, at: at(1) }], NOW, 5);
    expect(series.every((p) => p.perSecond === 0)).toBe(true);
  });

  it('prunes what the chart can no longer show', () => {
    expect(pruneSamples([{ phoneNumberId: 'a', sent: 1, windowMs: 1_000, at: at(0) }, { phoneNumberId: 'a', sent: 1, windowMs: 1_000, at: at(9) }], NOW, 5)).toHaveLength(1);
  });
});

describe('niceMax', () => {
  it('rounds up to 1, 2, 2.5 or 5 times a power of ten, at least 10', () => {
    expect(niceMax([])).toBe(10);
    expect(niceMax([3])).toBe(10);
    expect(niceMax([11])).toBe(20);
    expect(niceMax([230])).toBe(250);
    expect(niceMax([999])).toBe(1_000);
    expect(niceMax([1_001])).toBe(2_000);
  });
});
