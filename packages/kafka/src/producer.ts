/**
 * A producer that only writes declared topics, validates values against the topic's schema,
 * stamps `event-id`/`schema-version`, waits for all in-sync replicas (acks = -1) and rejects when
 * Kafka does not acknowledge in time, so callers (ingest) never answer "ok" for a lost record.
 * @see https://kafka.js.org/docs/producing
 */
import { AppError } from '@dbulk/errors';
import type { Logger } from '@dbulk/logger';
import { Partitioners, type Message, type Producer, type RecordMetadata } from 'kafkajs';
import type { KafkaClient } from './client';
import { buildHeaders, type RecordHeaders } from './headers';
import { physicalTopic, TOPICS, type TopicName, type TopicSpec, type TopicValue } from './topics';

export interface ProduceRecord<V> {
  key: string | null;
  value: V;
  /** Extra headers; a given `event-id` is kept, otherwise a UUID v4 is added. */
  headers?: RecordHeaders;
}

export interface RawProduceRecord {
  key: string | null;
  /** Already-encoded JSON of the topic's schema (ingest builds it without a parse round trip). */
  value: Buffer | string;
  headers?: RecordHeaders;
}

export interface SendOptions {
  /** Reject if Kafka has not acknowledged by then. */
  timeoutMs?: number;
}

export interface ProduceResult {
  topic: string;
  partition: number;
  offset: string | undefined;
}

export interface TypedProducerOptions {
  kafka: KafkaClient;
  logger: Logger;
  /** Prepended to every topic name (tests, shared clusters). */
  topicPrefix?: string;
  defaultTimeoutMs?: number;
  /**
   * Broker-side dedupe of retried batches. kafkajs then retries without limit in the background,
   * so use it only where nobody waits on a deadline (planner); ingest relies on consumer dedupe.
   */
  idempotent?: boolean;
}

export class TypedProducer {
  private readonly producer: Producer;
  private readonly logger: Logger;
  private readonly prefix: string;
  private readonly timeoutMs: number;

  constructor(options: TypedProducerOptions) {
    this.logger = options.logger.child({ component: 'kafka-producer' });
    this.prefix = options.topicPrefix ?? '';
    this.timeoutMs = options.defaultTimeoutMs ?? 5_000;
    this.producer = options.kafka.producer({
      // Java-compatible murmur2, so keys land on the same partitions whatever client replaces kafkajs.
      createPartitioner: Partitioners.DefaultPartitioner,
      // Topics come from reconcile only: a typo must fail, not create a 1-partition topic.
      allowAutoTopicCreation: false,
      idempotent: options.idempotent ?? false,
      ...(options.idempotent ? { maxInFlightRequests: 1 } : {}),
    });
  }

  async start(): Promise<void> {
    await this.producer.connect();
  }

  async shutdown(): Promise<void> {
    await this.producer.disconnect();
  }

  async send<N extends TopicName>(
    topic: N,
    records: ProduceRecord<TopicValue<N>>[],
    options: SendOptions = {},
  ): Promise<ProduceResult[]> {
    const spec: TopicSpec = TOPICS[topic];
    const messages = records.map((record, index): Message => {
      const parsed = spec.schema.safeParse(record.value);
      if (!parsed.success) {
        const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(value)'}: ${i.message}`).join('; ');
        throw new AppError('KAFKA_RECORD_INVALID', 'internal', `record ${index} for ${topic} is invalid: ${problems}`);
      }
      const headers = buildHeaders(spec.schemaVersion, record.headers);
      return { key: record.key, value: JSON.stringify(parsed.data), headers };
    });
    return this.produce(topic, messages, options);
  }

  /** Produces pre-encoded values as they are; headers are still stamped. */
  async sendRaw(topic: TopicName, records: RawProduceRecord[], options: SendOptions = {}): Promise<ProduceResult[]> {
    const { schemaVersion } = TOPICS[topic];
    const messages = records.map(
      (record): Message => ({ key: record.key, value: record.value, headers: buildHeaders(schemaVersion, record.headers) }),
    );
    return this.produce(topic, messages, options);
  }

  private async produce(topic: TopicName, messages: Message[], options: SendOptions): Promise<ProduceResult[]> {
    if (messages.length === 0) return [];
    const name = physicalTopic(topic, this.prefix);
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    // `timeout` is how long the broker waits for replicas; the race below bounds the whole call,
    // including kafkajs's own retries, which `timeout` alone does not.
    const pending = this.producer.send({ topic: name, messages, acks: -1, timeout: timeoutMs });
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const message = `Kafka did not acknowledge ${messages.length} record(s) on ${name} within ${timeoutMs} ms`;
        reject(new AppError('KAFKA_PRODUCE_TIMEOUT', 'unavailable', message));
      }, timeoutMs);
    });
    try {
      const metadata: RecordMetadata[] = await Promise.race([pending, deadline]);
      return metadata.map((m) => ({ topic: m.topicName, partition: m.partition, offset: m.baseOffset }));
    } catch (err) {
      if (err instanceof AppError) {
        // The send may still land later: callers treat a timeout as "unknown", and consumers dedupe.
        pending.catch((late: unknown) => this.logger.debug({ err: late, topic: name }, 'timed-out send failed'));
        throw err;
      }
      const reason = err instanceof Error ? err.message : String(err);
      throw new AppError('KAFKA_PRODUCE_FAILED', 'unavailable', `Kafka rejected ${messages.length} record(s) on ${name}: ${reason}`, {
        cause: err,
      });
    } finally {
      clearTimeout(timer);
    }
  }
}
