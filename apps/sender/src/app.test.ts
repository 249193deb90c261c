import { createLogger } from '@dbulk/logger';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { buildApp, type ReadyReport } from './app';

const logger = createLogger({ name: 'sender-test', level: 'silent' });
const app = (report: ReadyReport) => buildApp({ logger, registry: new Registry(), ready: async () => report });

describe('sender HTTP', () => {
  it('answers /healthz while alive', async () => {
    const res = await (await app({ ready: false, consumer: 'disconnected', database: 'down', planner: 'off' })).inject('/healthz');
    expect(res.statusCode).toBe(200);
  });

  it('is ready only with the consumer in its group and the database up', async () => {
    expect((await (await app({ ready: true, consumer: 'connected', database: 'up', planner: 'leader' })).inject('/readyz')).statusCode).toBe(200);
    const down = await (await app({ ready: false, consumer: 'connected', database: 'down', planner: 'follower' })).inject('/readyz');
    expect(down.statusCode).toBe(503);
    expect(down.json()).toEqual({ ready: false, consumer: 'connected', database: 'down', planner: 'follower' });
  });

  it('makes a planner-only process ready without a consumer, but never without the database', async () => {
    expect((await (await app({ ready: true, consumer: 'off', database: 'up', planner: 'leader' })).inject('/readyz')).statusCode).toBe(200);
    expect((await (await app({ ready: false, consumer: 'off', database: 'down', planner: 'follower' })).inject('/readyz')).statusCode).toBe(503);
  });
});
