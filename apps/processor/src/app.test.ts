import { createLogger } from '@dbulk/logger';
import { describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { createMetrics } from './metrics';
import type { ReadyReport } from './processor';

const logger = createLogger({ name: 'processor-test', level: 'silent' });

async function app(report: ReadyReport, lag = 7) {
  const metrics = createMetrics(() => lag);
  metrics.changes.inc({ kind: 'status', outcome: 'applied' }, 3);
  return buildApp({ logger, registry: metrics.registry, ready: async () => report });
}

describe('processor HTTP', () => {
  it('answers /healthz while alive', async () => {
    const res = await (await app({ ready: false, consumer: 'disconnected', database: 'down' })).inject('/healthz');
    expect(res.statusCode).toBe(200);
  });

  it('is ready only with the consumer in its group and the database up', async () => {
    const up = await (await app({ ready: true, consumer: 'connected', database: 'up' })).inject('/readyz');
    expect(up.statusCode).toBe(200);
    const down = await (await app({ ready: false, consumer: 'connected', database: 'down' })).inject('/readyz');
    expect(down.statusCode).toBe(503);
    expect(down.json()).toEqual({ ready: false, consumer: 'connected', database: 'down' });
  });

  it('exposes changes by kind and outcome, and the consumer lag', async () => {
    const res = await (await app({ ready: true, consumer: 'connected', database: 'up' })).inject('/metrics');
    expect(res.body).toContain('processor_webhook_changes_total{kind="status",outcome="applied"} 3');
    expect(res.body).toContain('processor_consumer_lag 7');
    expect(res.body).toContain('processor_batch_duration_seconds_bucket');
    expect(res.body).toContain('processor_dlq_records_total');
  });
});
