import { describe, expect, it } from 'vitest';
import { SendWindow } from './send-window';

describe('SendWindow', () => {
  it('lets `limit` sends through in any second and tells when the next may go', () => {
    const w = new SendWindow();
    for (let i = 0; i < 3; i++) {
      expect(w.waitMs(3, 100 + i)).toBe(0);
      w.record(100 + i);
    }
    expect(w.waitMs(3, 500)).toBe(600);
    expect(w.waitMs(3, 1_100)).toBe(0);
  });

  it('never allows more than the limit in any sliding second, whatever the arrival pattern', async () => {
    const w = new SendWindow();
    let clock = 0;
    const sent: number[] = [];
    // Bursts of 30 at once every 200 ms against a limit of 50 per second.
    for (let burst = 0; burst < 20; burst++) {
      clock = burst * 200;
      for (let i = 0; i < 30; i++) {
        const wait = w.waitMs(50, clock);
        if (wait > 0) clock += wait;
        w.record(clock);
        sent.push(clock);
      }
    }
    for (let i = 0, j = 0; i < sent.length; i++) {
      while (sent[i]! - sent[j]! >= 1_000) j++;
      expect(i - j + 1).toBeLessThanOrEqual(50);
    }
  });

});
