import { createLogger } from '@dbulk/logger';
import { describe, expect, it } from 'vitest';
import { RetentionJob } from './retention-job';

const logger = createLogger({ name: 'retention-test', level: 'silent' });

describe('RetentionJob', () => {
  it('runs on its interval, reports what it deleted and survives a failing run', async () => {
    const deleted: number[] = [];
    let calls = 0;
    const job = new RetentionJob(
      async () => {
        calls += 1;
        if (calls === 2) throw new Error('database unavailable');
        return 5;
      },
      { intervalMs: 20, firstRunMs: 1, logger, onDeleted: (n) => deleted.push(n) },
    );
    job.start();
    // Until the run after the failing one (a fixed wait lost the race on a busy machine).
    while (calls < 3) await new Promise((resolve) => setTimeout(resolve, 10));
    await job.stop();
    expect(calls).toBeGreaterThanOrEqual(3);
    expect(deleted.length).toBe(calls - 1);
    const after = calls;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(calls).toBe(after);
  });

  it('does nothing when turned off', async () => {
    let calls = 0;
    const job = new RetentionJob(async () => ++calls, { intervalMs: 0, firstRunMs: 1, logger });
    job.start();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(calls).toBe(0);
  });
});
