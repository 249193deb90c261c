import { describe, expect, it } from 'vitest';
import { createLogger } from '@dbulk/logger';
import { createHealthCheck, isReady, withTimeout } from './readiness';

const logger = createLogger({ name: 'readiness-test', level: 'silent' });

describe('readiness', () => {
  it('reports every dependency up when all probes answer', async () => {
    const health = createHealthCheck({ logger, probes: { database: async () => 1, kafka: async () => 2 } });
    const report = await health();
    expect(report).toEqual({ database: 'up', kafka: 'up' });
    expect(isReady(report)).toBe(true);
  });

  it('names the dependency whose probe throws, synchronously or not', async () => {
    const health = createHealthCheck({
      logger,
      probes: {
        database: () => {
          throw new Error('boom');
        },
        kafka: async () => 'fine',
      },
    });
    expect(await health()).toEqual({ database: 'down', kafka: 'up' });
  });

  it('counts a probe that hangs past the deadline as down', async () => {
    const health = createHealthCheck({
      logger,
      timeoutMs: 20,
      probes: { database: async () => 1, kafka: () => new Promise(() => {}) },
    });
    const started = Date.now();
    const report = await health();
    expect(report).toEqual({ database: 'up', kafka: 'down' });
    expect(isReady(report)).toBe(false);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('says what timed out', async () => {
    await expect(withTimeout(new Promise(() => {}), 5, 'kafka')).rejects.toThrow(
      'kafka did not answer within 5 ms',
    );
  });
});
