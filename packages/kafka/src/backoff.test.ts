import { describe, expect, it } from 'vitest';
import { backoffDelay, patientSleep } from './backoff';

const middle = () => 0.5; // no jitter

describe('backoffDelay', () => {
  it('doubles from the initial delay', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, { initialMs: 100 }, middle))).toEqual([100, 200, 400, 800]);
  });

  it('is capped, even for absurd attempt counts', () => {
    expect(backoffDelay(20, { initialMs: 100, maxMs: 5_000 }, middle)).toBe(5_000);
    expect(backoffDelay(10_000, { maxMs: 30_000 }, middle)).toBe(30_000);
  });

  it('spreads retries by the jitter fraction without exceeding the cap', () => {
    expect(backoffDelay(1, { initialMs: 1_000, jitter: 0.2 }, () => 0)).toBe(800);
    expect(backoffDelay(1, { initialMs: 1_000, jitter: 0.2 }, () => 1)).toBe(1_200);
    expect(backoffDelay(9, { initialMs: 1_000, maxMs: 2_000, jitter: 0.5 }, () => 1)).toBe(2_000);
  });

  it('treats attempt 0 or less like the first', () => {
    expect(backoffDelay(0, { initialMs: 100 }, middle)).toBe(100);
  });
});

describe('patientSleep', () => {
  it('heartbeats while it sleeps', async () => {
    let beats = 0;
    const done = await patientSleep(60, { heartbeat: async () => void beats++, shouldStop: () => false, sliceMs: 10 });
    expect(done).toBe(true);
    expect(beats).toBeGreaterThanOrEqual(3);
  });

  it('ends early when told to stop', async () => {
    const started = Date.now();
    let stop = false;
    setTimeout(() => (stop = true), 20);
    const done = await patientSleep(5_000, { heartbeat: async () => {}, shouldStop: () => stop, sliceMs: 10 });
    expect(done).toBe(false);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
