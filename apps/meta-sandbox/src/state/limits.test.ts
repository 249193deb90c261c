import { describe, expect, it } from 'vitest';
import { DAY_MS, PairLimiter, RollingUniqueWindow, TokenBucket } from './limits';

const META_PAIR = { intervalMs: 6_000, burst: 45, burstWindowMs: 6_000 };

describe('TokenBucket', () => {
  it('allows the rate in one second and refuses the next until tokens refill', () => {
    const bucket = new TokenBucket(80, 0);
    const taken = Array.from({ length: 81 }, () => bucket.tryTake(0));
    expect(taken.filter(Boolean)).toHaveLength(80);
    expect(bucket.tryTake(0)).toBe(false);
    expect(bucket.tryTake(12)).toBe(false);
    expect(bucket.tryTake(13)).toBe(true); // 13 ms × 80/s ≈ 1.04 tokens
  });

  it('never stores more than one second of tokens', () => {
    const bucket = new TokenBucket(10, 0);
    const taken = Array.from({ length: 30 }, () => bucket.tryTake(60_000));
    expect(taken.filter(Boolean)).toHaveLength(10);
  });

  it('lowers the stored tokens when the rate drops', () => {
    const bucket = new TokenBucket(1000, 0);
    bucket.setRate(2);
    expect([bucket.tryTake(0), bucket.tryTake(0), bucket.tryTake(0)]).toEqual([true, true, false]);
  });
});

describe('PairLimiter', () => {
  it('allows a burst of 45 within 6 s and refuses the 46th', () => {
    const pair = new PairLimiter();
    const results = Array.from({ length: 46 }, (_, i) => pair.tryTake(i * 100, META_PAIR));
    expect(results.slice(0, 45).every(Boolean)).toBe(true);
    expect(results[45]).toBe(false);
  });

  it('makes a burst of 20 wait about two minutes after it began', () => {
    const pair = new PairLimiter();
    for (let i = 0; i < 20; i += 1) expect(pair.tryTake(i * 10, META_PAIR)).toBe(true);
    expect(pair.tryTake(7_000, META_PAIR)).toBe(false);
    expect(pair.waitMs(7_000)).toBe(113_000);
    expect(pair.tryTake(119_999, META_PAIR)).toBe(false);
    expect(pair.tryTake(120_000, META_PAIR)).toBe(true);
  });

  it('allows one message every 6 s indefinitely', () => {
    const pair = new PairLimiter();
    for (let i = 0; i < 100; i += 1) expect(pair.tryTake(i * 6_000, META_PAIR)).toBe(true);
  });
});

describe('RollingUniqueWindow', () => {
  it('counts each recipient once and refuses the 251st at TIER_250', () => {
    const window = new RollingUniqueWindow();
    for (let i = 0; i < 250; i += 1) expect(window.tryCount(`u${i}`, 250, 1_000)).toBe(true);
    expect(window.tryCount('u0', 250, 2_000)).toBe(true);
    expect(window.tryCount('u250', 250, 2_000)).toBe(false);
    expect(window.used(2_000)).toBe(250);
  });

  it('frees a slot 24 h after the recipient was first counted', () => {
    const window = new RollingUniqueWindow();
    window.tryCount('early', 2, 0);
    window.tryCount('late', 2, 10 * 60 * 60 * 1000);
    expect(window.tryCount('new', 2, DAY_MS - 1)).toBe(false);
    expect(window.tryCount('new', 2, DAY_MS)).toBe(true);
    expect(window.used(DAY_MS)).toBe(2);
  });

  it('counts a returning recipient again once its entry expired', () => {
    const window = new RollingUniqueWindow();
    window.tryCount('a', 1, 0);
    expect(window.tryCount('b', 1, DAY_MS / 2)).toBe(false);
    expect(window.tryCount('a', 1, DAY_MS + 1)).toBe(true);
    expect(window.tryCount('b', 1, DAY_MS + 2)).toBe(false);
  });
});
