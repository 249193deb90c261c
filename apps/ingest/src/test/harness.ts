/** Builds the app around a real Batcher whose sends the test controls (unit tests, no Kafka). */
import type { RawProduceRecord } from '@dbulk/kafka';
import { testLogger } from '@dbulk/kafka/testing';
import { buildApp } from '../app';
import { Batcher, type BatcherOptions } from '../batcher';
import { createMetrics } from '../metrics';

export const APP_SECRET = 'test-app-secret';
export const VERIFY_TOKEN = 'test-verify-token';

export type SendFn = (records: RawProduceRecord[], timeoutMs: number) => Promise<unknown>;

export async function appWith(send: SendFn, batcherOptions: Partial<BatcherOptions<RawProduceRecord>> = {}, bodyLimitBytes = 64 * 1024) {
  const logger = testLogger('ingest-test');
  const metrics = createMetrics(() => batcher.stats());
  const batcher = new Batcher<RawProduceRecord>({
    send,
    onBatch: (report) => metrics.observeBatch(report),
    sizeOf: (record) => Buffer.byteLength(record.value as string),
    lingerMs: 1,
    maxRecords: 100,
    maxBytes: 1024 * 1024,
    maxInFlightBatches: 4,
    maxPendingRecords: 1_000,
    maxPendingBytes: 64 * 1024 * 1024,
    timeoutMs: 1_000,
    ...batcherOptions,
  });
  const app = await buildApp(
    { logger, appSecret: APP_SECRET, verifyToken: VERIFY_TOKEN, batcher, metrics, ready: async () => ({ ready: true, kafka: 'up', accepting: true }) },
    { bodyLimitBytes, retryAfterSeconds: 2 },
  );
  return { app, batcher, metrics };
}
