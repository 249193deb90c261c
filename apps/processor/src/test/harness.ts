/**
 * Integration helpers: the processor wired exactly as main.ts wires it (Processor.create +
 * start), on this run's own copy of the topics on the stack's broker, with its own consumer
 * group and fast timings; a producer that delivers webhook bodies the way ingest does; a DLQ
 * reader; and a test ORM for assertions.
 */
import { createOrm, type MikroORM } from '@dbulk/db';
import { BatchConsumer, TypedProducer, type DecodedRecord, type KafkaAdmin, type KafkaClient, type TopicValue } from '@dbulk/kafka';
import { createTestTopics, deleteTestTopics, testBrokers, testKafka, testLogger, uniqueName, uniqueTopicPrefix } from '@dbulk/kafka/testing';
import { testStack } from '@dbulk/testing';
import { loadProcessorEnv } from '../env';
import { Processor, type ProcessorOverrides } from '../processor';

export const FAST = { sessionTimeoutMs: 6_000, heartbeatIntervalMs: 500, rebalanceTimeoutMs: 3_000, maxWaitTimeMs: 100, backoff: { initialMs: 50, maxMs: 200 } };

export interface Stack {
  prefix: string;
  kafka: KafkaClient;
  admin: KafkaAdmin;
  orm: MikroORM;
  producer: TypedProducer;
  groups: string[];
  close(): Promise<void>;
}

/** Topics under a fresh prefix (one partition: records arrive in the order they were sent). */
export async function createStack(label: string): Promise<Stack> {
  const prefix = uniqueTopicPrefix(label);
  const kafka = testKafka();
  const admin = kafka.admin();
  await admin.connect();
  await createTestTopics(admin, prefix, ['dbulk.webhooks', 'dbulk.webhooks.dlq', 'dbulk.control', 'dbulk.events'], { partitions: 1 });
  const producer = new TypedProducer({ kafka, logger: testLogger('processor-test'), topicPrefix: prefix });
  await producer.start();
  const orm = await createOrm({ url: testStack().databaseUrl, poolMax: 3 });
  const groups: string[] = [];
  return {
    prefix,
    kafka,
    admin,
    orm,
    producer,
    groups,
    async close() {
      await producer.shutdown();
      await admin.deleteGroups(groups).catch(() => undefined);
      await deleteTestTopics(admin, prefix);
      await admin.disconnect();
      await orm.close(true);
    },
  };
}

export function processorEnv(prefix: string, extra: Record<string, string> = {}) {
  return loadProcessorEnv({
    DATABASE_URL: testStack().databaseUrl,
    DATABASE_POOL_MAX: '4',
    KAFKA_BROKERS: testBrokers().join(','),
    KAFKA_TOPIC_PREFIX: prefix,
    PROCESSOR_PARTITIONS_CONCURRENTLY: '1',
    WEBHOOK_RETENTION_INTERVAL_MINUTES: '0',
    ...extra,
  });
}

export async function startProcessor(stack: Stack, overrides: ProcessorOverrides = {}, env: Record<string, string> = {}): Promise<Processor> {
  const groupPurpose = overrides.groupPurpose ?? uniqueName('webhooks');
  stack.groups.push(`processor.${groupPurpose}`);
  const processor = await Processor.create(processorEnv(stack.prefix, env), testLogger('processor'), { ...FAST, ...overrides, groupPurpose });
  await processor.start();
  return processor;
}

/** Produces webhook bodies as ingest does: raw body, received time, keyed by phone number id. */
export async function deliver(stack: Stack, bodies: Array<string | { body: string; key: string | null }>): Promise<void> {
  await stack.producer.send(
    'dbulk.webhooks',
    bodies.map((item) => {
      const { body, key } = typeof item === 'string' ? { body: item, key: null } : item;
      return { key, value: { receivedAt: new Date().toISOString(), body, headers: { 'content-type': 'application/json' } } };
    }),
  );
}

/** Reads `<prefix>dbulk.webhooks.dlq` from the beginning with a group of its own. */
export const readDlq = (stack: Stack) => readTopic(stack, 'dbulk.webhooks.dlq');

/** Reads one of this run's topics from the beginning with a group of its own. */
export async function readTopic<N extends 'dbulk.webhooks.dlq' | 'dbulk.control' | 'dbulk.events'>(stack: Stack, topic: N) {
  const records: DecodedRecord<TopicValue<N>>[] = [];
  const purpose = uniqueName('reader');
  stack.groups.push(`processor-test.${purpose}`);
  const consumer = new BatchConsumer({
    kafka: stack.kafka,
    logger: testLogger('dlq-reader'),
    app: 'processor-test',
    purpose,
    topic,
    topicPrefix: stack.prefix,
    producer: stack.producer,
    handler: async (batch) => void records.push(...batch),
    ...FAST,
  });
  await consumer.start();
  return { records, close: () => consumer.shutdown() };
}

export function sql(stack: Stack) {
  return <T>(query: string, params: unknown[] = []) => stack.orm.em.fork().execute<T[]>(query, params);
}
