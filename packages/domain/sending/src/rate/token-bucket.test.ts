import { describe, expect, it } from 'vitest';
import { AdaptiveTokenBucket } from './token-bucket';

const bucket = (over: Partial<ConstructorParameters<typeof AdaptiveTokenBucket>[0]> = {}) =>
  new AdaptiveTokenBucket({ rate: 10, accountMax: 80, ...over });

/** Most messages whose send times fall in any window [t, t + 1000). */
function maxInAnySecond(times: number[]): number {
  let best = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! >= 1_000) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

describe('AdaptiveTokenBucket', () => {
  it('starts at the given rate, clamped to the account maximum and the ceiling', () => {
    expect(bucket().rate).toBe(10);
    expect(bucket({ rate: 500 }).rate).toBe(80);
    expect(bucket({ rate: 50, ceiling: 20 }).rate).toBe(20);
    expect(bucket({ rate: Number.NaN }).rate).toBe(80);
    expect(bucket({ rate: 0.1 }).rate).toBe(1);
  });

  it('spaces reservations by 1/rate and allows only the burst allowance at once', () => {
    const b = bucket({ rate: 10, burstSeconds: 0.1 });
    const delays = b.reserve(5, 1_000, 10_000);
    expect(delays).toEqual([0, 0, 100, 200, 300]);
  });

  it('reserves nothing beyond the horizon and keeps the rest for later', () => {
    const b = bucket({ rate: 10, burstSeconds: 0 });
    expect(b.reserve(50, 0, 450)).toHaveLength(5);
    // The next call continues where the last reservation ended.
    expect(b.reserve(1, 0, 1_000)).toEqual([500]);
    expect(b.reserve(3, 0, 100)).toEqual([]);
  });

  it('never exceeds the rate (plus the burst) in any one-second window over many calls', () => {
    const b = bucket({ rate: 40, accountMax: 40, burstSeconds: 0.1 });
    const times: number[] = [];
    for (let now = 0; now < 10_000; now += 37) {
      for (const d of b.reserve(7, now, 200)) times.push(now + d);
    }
    times.sort((x, y) => x - y);
    expect(maxInAnySecond(times)).toBeLessThanOrEqual(40 + 4 + 1);
    expect(times.length).toBeGreaterThan(380);
  });

  it('halves on throttling once per cooldown window, never below the minimum', () => {
    const b = bucket({ rate: 80, halveCooldownMs: 1_000 });
    expect(b.onThrottled(0)).toBe(true);
    expect(b.rate).toBe(40);
    expect(b.onThrottled(500)).toBe(false);
    expect(b.rate).toBe(40);
    for (let t = 1_000; t < 20_000; t += 1_000) b.onThrottled(t);
    expect(b.rate).toBe(1);
  });

  it('leaves a gap after a throttling answer', () => {
    const b = bucket({ rate: 10, burstSeconds: 0 });
    b.onThrottled(0);
    expect(b.reserve(1, 0, 10_000)).toEqual([200]);
  });

  it('grows additively: about increasePerSecond per second of successes at full rate', () => {
    const b = bucket({ rate: 20, increasePerSecond: 1 });
    for (let i = 0; i < 20; i++) b.onSuccess();
    expect(b.rate).toBeGreaterThan(20.9);
    expect(b.rate).toBeLessThan(21.1);
  });

  it('never grows above the account maximum or the ceiling', () => {
    const b = bucket({ rate: 79, increasePerSecond: 50 });
    for (let i = 0; i < 100; i++) b.onSuccess();
    expect(b.rate).toBe(80);
    b.setCeiling(30);
    expect(b.rate).toBe(30);
    for (let i = 0; i < 100; i++) b.onSuccess();
    expect(b.rate).toBe(30);
    b.setCeiling(null);
    expect(b.maxRate).toBe(80);
    b.setAccountMax(1_000);
    expect(b.maxRate).toBe(1_000);
  });

  it('marks itself dirty when the rate changes and not otherwise', () => {
    const b = bucket({ rate: 80 });
    b.onSuccess();
    expect(b.dirty).toBe(false);
    b.onThrottled(0);
    expect(b.dirty).toBe(true);
  });

  it('recovers after a halving: slow growth back towards the maximum', () => {
    const b = bucket({ rate: 80, increasePerSecond: 2 });
    b.onThrottled(0);
    let sent = 0;
    while (b.rate < 80 && sent < 1_000_000) {
      b.onSuccess();
      sent++;
    }
    // 40 → 80 at +2/s takes ~20 s of sending at ~60/s on average: roughly 1,200 messages.
    expect(sent).toBeGreaterThan(800);
    expect(sent).toBeLessThan(1_600);
  });
});
