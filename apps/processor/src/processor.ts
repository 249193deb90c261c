/**
 * The processor's moving parts, wired the same way for main.ts and the integration tests: the
 * ORM, a producer (DLQ, control, events), the `processor.webhooks` consumer on `dbulk.webhooks`,
 * the retention job, the parked-status sweep and the metrics. `closers()` is the shutdown order: stop fetching and finish
 * the in-flight chunk (its offsets commit, the member leaves the group), stop retention, then
 * close the producer the consumer dead-letters with, then the database.
 * @see https://kafka.js.org/docs/consuming#a-name-stop-a-stopping-consumers
 */
import { createOrm, type MikroORM } from '@dbulk/db';
import { pruneWebhookEvents } from '@dbulk/domain-webhooks';
import { type BackoffOptions, BatchConsumer, createKafka, type DecodedRecord, kafkaConnection, TypedProducer, type WebhookRecord } from '@dbulk/kafka';
import type { Closer } from '@dbulk/lifecycle';
import type { Logger } from '@dbulk/logger';
import type { ProcessorEnv } from './env';
import { createWebhookHandler } from './handler';
import { createMetrics, type ProcessorMetrics } from './metrics';
import { ParkedSweepJob } from './parked-sweep-job';
import { RetentionJob } from './retention-job';

export type ProcessorConfig = Pick<
  ProcessorEnv,
  | 'DATABASE_URL'
  | 'DATABASE_POOL_MAX'
  | 'KAFKA_BROKERS'
  | 'KAFKA_CLIENT_ID'
  | 'KAFKA_TOPIC_PREFIX'
  | 'PROCESSOR_CHUNK_SIZE'
  | 'PROCESSOR_MAX_CHANGES_PER_TX'
  | 'PROCESSOR_PARTITIONS_CONCURRENTLY'
  | 'WEBHOOK_RETENTION_DAYS'
  | 'WEBHOOK_RETENTION_INTERVAL_MINUTES'
  | 'PARKED_SWEEP_INTERVAL_MS'
>;

/** Knobs the environment does not expose: tests use their own group and faster timings. */
export interface ProcessorOverrides {
  groupPurpose?: string;
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  rebalanceTimeoutMs?: number;
  maxWaitTimeMs?: number;
  backoff?: Partial<BackoffOptions>;
  onChunk?: (records: DecodedRecord<WebhookRecord>[]) => void | Promise<void>;
}

export interface ReadyReport {
  ready: boolean;
  consumer: 'connected' | 'disconnected';
  database: 'up' | 'down';
}

const READY_TIMEOUT_MS = 2_000;

export class Processor {
  readonly metrics: ProcessorMetrics;
  readonly consumer: BatchConsumer<'dbulk.webhooks'>;
  readonly retention: RetentionJob;
  readonly sweep: ParkedSweepJob;
  private readonly producer: TypedProducer;

  private constructor(
    readonly orm: MikroORM,
    private readonly config: ProcessorConfig,
    private readonly logger: Logger,
    overrides: ProcessorOverrides,
  ) {
    const kafka = createKafka({ ...kafkaConnection(config), clientId: `${config.KAFKA_CLIENT_ID}-processor`, logger });
    this.producer = new TypedProducer({ kafka, logger, topicPrefix: config.KAFKA_TOPIC_PREFIX });
    this.metrics = createMetrics(() => this.consumer.health().lag);
    const groupPurpose = overrides.groupPurpose ?? 'webhooks';
    this.consumer = new BatchConsumer({
      kafka,
      logger,
      app: 'processor',
      purpose: groupPurpose,
      topic: 'dbulk.webhooks',
      topicPrefix: config.KAFKA_TOPIC_PREFIX,
      producer: this.producer,
      chunkSize: config.PROCESSOR_CHUNK_SIZE,
      partitionsConsumedConcurrently: config.PROCESSOR_PARTITIONS_CONCURRENTLY,
      handler: createWebhookHandler({
        orm,
        producer: this.producer,
        metrics: this.metrics,
        groupId: `processor.${groupPurpose}`,
        maxChangesPerTransaction: config.PROCESSOR_MAX_CHANGES_PER_TX,
        onChunk: overrides.onChunk,
      }),
      ...(overrides.sessionTimeoutMs ? { sessionTimeoutMs: overrides.sessionTimeoutMs } : {}),
      ...(overrides.heartbeatIntervalMs ? { heartbeatIntervalMs: overrides.heartbeatIntervalMs } : {}),
      ...(overrides.rebalanceTimeoutMs ? { rebalanceTimeoutMs: overrides.rebalanceTimeoutMs } : {}),
      ...(overrides.maxWaitTimeMs ? { maxWaitTimeMs: overrides.maxWaitTimeMs } : {}),
      ...(overrides.backoff ? { backoff: overrides.backoff } : {}),
    });
    this.retention = new RetentionJob(() => pruneWebhookEvents(orm.em.fork(), { retentionDays: config.WEBHOOK_RETENTION_DAYS }), {
      intervalMs: config.WEBHOOK_RETENTION_INTERVAL_MINUTES * 60_000,
      logger: logger.child({ component: 'retention' }),
      onDeleted: (count) => this.metrics.retentionDeleted.inc(count),
    });
    this.sweep = new ParkedSweepJob({
      orm,
      producer: this.producer,
      intervalMs: config.PARKED_SWEEP_INTERVAL_MS,
      logger: logger.child({ component: 'parked-sweep' }),
      onApplied: (count) => this.metrics.swept.inc(count),
    });
  }

  /** Connects the database (fails fast when it is unreachable); Kafka connects in start(). */
  static async create(config: ProcessorConfig, logger: Logger, overrides: ProcessorOverrides = {}): Promise<Processor> {
    // Partitions worked on at once each hold a connection; keep one spare for retention and probes.
    const poolMax = Math.max(config.DATABASE_POOL_MAX, config.PROCESSOR_PARTITIONS_CONCURRENTLY + 1);
    const orm = await createOrm({ url: config.DATABASE_URL, poolMax });
    return new Processor(orm, config, logger, overrides);
  }

  async start(): Promise<void> {
    await this.producer.start();
    await this.consumer.start();
    this.retention.start();
    this.sweep.start();
    this.logger.info({ groupId: this.consumer.groupId, topicPrefix: this.config.KAFKA_TOPIC_PREFIX || undefined }, 'consuming dbulk.webhooks');
  }

  /** `extra` (the HTTP server) closes after Kafka and before the database. */
  closers(extra: Closer[] = []): Closer[] {
    return [
      { name: 'consumer', close: () => this.consumer.shutdown() },
      { name: 'retention', close: () => this.retention.stop() },
      { name: 'parked-sweep', close: () => this.sweep.stop() },
      { name: 'producer', close: () => this.producer.shutdown() },
      ...extra,
      { name: 'database', close: () => this.orm.close(true) },
    ];
  }

  async ready(): Promise<ReadyReport> {
    const consumer = this.consumer.health().connected ? 'connected' : 'disconnected';
    let database: ReadyReport['database'] = 'up';
    let timer: NodeJS.Timeout | undefined;
    try {
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
      });
      await Promise.race([this.orm.em.getConnection().execute('select 1'), deadline]);
    } catch (err) {
      this.logger.warn({ err }, 'database is not ready');
      database = 'down';
    } finally {
      clearTimeout(timer);
    }
    return { ready: consumer === 'connected' && database === 'up', consumer, database };
  }
}
