/**
 * What the app needs, built from the environment: an acks=all producer behind the micro-batcher,
 * a readiness probe, metrics. Kafka retries are kept short on purpose: a request waits at most
 * INGEST_ACK_TIMEOUT_MS anyway, and long background retries would only hold memory while Meta
 * (which retries for 7 days) sends the same webhook again.
 * @see https://kafka.js.org/docs/configuration#retry
 */
import { checkKafka, createKafka, kafkaConnection, type RawProduceRecord, TypedProducer } from '@dbulk/kafka';
import type { Logger } from '@dbulk/logger';
import type { IngestAppDeps, IngestAppOptions } from './app';
import { Batcher } from './batcher';
import type { IngestEnv } from './env';
import { createMetrics } from './metrics';

export interface RuntimeDeps extends IngestAppDeps {
  batcher: Batcher<RawProduceRecord>;
  options: IngestAppOptions;
  /** Readiness turns false at once, so the load balancer stops sending before the drain. */
  stopAccepting(): void;
  closeKafka(): Promise<void>;
}

const READINESS_TIMEOUT_MS = 2_000;

export async function createDeps(env: IngestEnv, logger: Logger): Promise<RuntimeDeps> {
  const kafka = createKafka({
    ...kafkaConnection(env),
    clientId: `${env.KAFKA_CLIENT_ID}-ingest`,
    logger,
    connectionTimeoutMs: 1_000,
    requestTimeoutMs: Math.max(2_000, env.INGEST_ACK_TIMEOUT_MS),
    retry: { retries: 2, initialRetryTimeMs: 100, maxRetryTimeMs: 1_000 },
  });
  const producer = new TypedProducer({ kafka, logger, topicPrefix: env.KAFKA_TOPIC_PREFIX, defaultTimeoutMs: env.INGEST_ACK_TIMEOUT_MS });
  await producer.start();

  const batcherLogger = logger.child({ component: 'batcher' });
  const metrics = createMetrics(() => batcher.stats());
  const batcher = new Batcher<RawProduceRecord>({
    send: (records, timeoutMs) => producer.sendRaw('dbulk.webhooks', records, { timeoutMs }),
    sizeOf: (record) => Buffer.byteLength(record.value as string),
    lingerMs: env.INGEST_BATCH_LINGER_MS,
    maxRecords: env.INGEST_BATCH_MAX_RECORDS,
    maxBytes: env.INGEST_BATCH_MAX_BYTES,
    maxInFlightBatches: env.INGEST_MAX_IN_FLIGHT_BATCHES,
    maxPendingRecords: env.INGEST_MAX_PENDING_RECORDS,
    maxPendingBytes: env.INGEST_MAX_PENDING_BYTES,
    timeoutMs: env.INGEST_ACK_TIMEOUT_MS,
    onBatch: (report) => {
      metrics.observeBatch(report);
      // One line per failed batch (not per request), so an outage does not flood the log.
      if (report.outcome !== 'acked') batcherLogger.warn(report, 'batch not acknowledged by Kafka; its requests got 503');
    },
  });

  // Health only: no retries (the probe repeats) and silent, since a failed probe is logged below.
  const healthKafka = createKafka({
    ...kafkaConnection(env),
    clientId: `${env.KAFKA_CLIENT_ID}-ingest-health`,
    logger: logger.child({ component: 'kafka-health' }, { level: 'silent' }),
    connectionTimeoutMs: 1_000,
    retry: { retries: 0 },
  });
  let accepting = true;
  const readinessLogger = logger.child({ component: 'readiness' });

  return {
    logger,
    appSecret: env.META_APP_SECRET,
    verifyToken: env.META_WEBHOOK_VERIFY_TOKEN,
    batcher,
    metrics,
    options: { bodyLimitBytes: env.INGEST_BODY_LIMIT_BYTES, retryAfterSeconds: env.INGEST_RETRY_AFTER_SECONDS },
    async ready() {
      let kafkaUp: 'up' | 'down' = 'up';
      try {
        await checkKafka(healthKafka, READINESS_TIMEOUT_MS);
      } catch (err) {
        readinessLogger.warn({ err }, 'kafka is not ready');
        kafkaUp = 'down';
      }
      return { ready: accepting && kafkaUp === 'up', kafka: kafkaUp, accepting };
    },
    stopAccepting() {
      accepting = false;
    },
    closeKafka: () => producer.shutdown(),
  };
}
