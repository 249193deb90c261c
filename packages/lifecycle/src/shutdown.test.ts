import { createLogger } from '@dbulk/logger';
import { describe, expect, it } from 'vitest';
import { installShutdown, runClosers } from './shutdown';

const logger = createLogger({ name: 'test', level: 'silent' });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('runClosers', () => {
  it('closes in the given order, waiting for each', async () => {
    const order: string[] = [];
    const closer = (name: string, ms: number) => ({ name, close: async () => (await sleep(ms), void order.push(name)) });
    expect(await runClosers([closer('consumer', 20), closer('producer', 1)], { logger })).toBe(true);
    expect(order).toEqual(['consumer', 'producer']);
  });

  it('runs the remaining closers after one fails, and reports the failure', async () => {
    const order: string[] = [];
    const ok = await runClosers(
      [
        { name: 'a', close: async () => Promise.reject(new Error('stuck')) },
        { name: 'b', close: async () => void order.push('b') },
      ],
      { logger },
    );
    expect(ok).toBe(false);
    expect(order).toEqual(['b']);
  });

  it('gives up at the deadline', async () => {
    const started = Date.now();
    expect(await runClosers([{ name: 'hang', close: () => new Promise(() => {}) }], { logger, timeoutMs: 50 })).toBe(false);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe('installShutdown', () => {
  it('runs the closers on a signal and exits 0, and at once with 1 on a second signal', async () => {
    const exits: number[] = [];
    let closed = 0;
    const uninstall = installShutdown(
      ['SIGUSR2'],
      [{ name: 'slow', close: async () => (await sleep(30), void closed++) }],
      { logger, exit: (code) => void exits.push(code) },
    );
    try {
      process.emit('SIGUSR2', 'SIGUSR2');
      process.emit('SIGUSR2', 'SIGUSR2');
      expect(exits).toEqual([1]);
      await sleep(80);
      expect(closed).toBe(1);
      expect(exits).toEqual([1, 0]);
    } finally {
      uninstall();
    }
  });
});
