/**
 * Integration helpers: ingest wired exactly as main.ts wires it (createDeps + buildApp), listening
 * on a free port and producing to this run's own copy of the topics on the stack's broker, plus
 * a consumer that reads the records back.
 */
import type { AddressInfo } from 'node:net';
import { BatchConsumer, TypedProducer, type DecodedRecord, type KafkaAdmin, type WebhookRecord } from '@dbulk/kafka';
import { testBrokers, testKafka, testLogger, uniqueName } from '@dbulk/kafka/testing';
import type { Logger } from '@dbulk/logger';
import { buildApp, type IngestApp } from '../app';
import { createDeps, type RuntimeDeps } from '../deps';
import { loadIngestEnv } from '../env';
import { APP_SECRET, VERIFY_TOKEN } from './harness';

export interface RunningIngest {
  app: IngestApp;
  deps: RuntimeDeps;
  url: string;
  close(): Promise<void>;
}

export async function startIngest(prefix: string, env: Record<string, string> = {}, logger: Logger = testLogger('ingest')): Promise<RunningIngest> {
  const parsed = loadIngestEnv({
    KAFKA_BROKERS: testBrokers().join(','),
    META_APP_SECRET: APP_SECRET,
    META_WEBHOOK_VERIFY_TOKEN: VERIFY_TOKEN,
    KAFKA_TOPIC_PREFIX: prefix,
    ...env,
  });
  const deps = await createDeps(parsed, logger);
  const app = await buildApp(deps, deps.options);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    app,
    deps,
    url: `http://127.0.0.1:${port}`,
    async close() {
      deps.stopAccepting();
      await app.close();
      await deps.batcher.close();
      await deps.closeKafka();
    },
  };
}

/** Reads `<prefix>dbulk.webhooks` from the beginning with a group of its own. */
export async function readBack(prefix: string) {
  const kafka = testKafka();
  const logger = testLogger('ingest-readback');
  const records: DecodedRecord<WebhookRecord>[] = [];
  const producer = new TypedProducer({ kafka, logger, topicPrefix: prefix });
  await producer.start();
  const consumer = new BatchConsumer({
    kafka,
    logger,
    app: 'ingest-test',
    purpose: uniqueName('readback'),
    topic: 'dbulk.webhooks',
    topicPrefix: prefix,
    producer,
    handler: async (batch) => void records.push(...batch),
    sessionTimeoutMs: 6_000,
    heartbeatIntervalMs: 500,
    rebalanceTimeoutMs: 3_000,
    maxWaitTimeMs: 100,
  });
  await consumer.start();
  return {
    records,
    groupId: consumer.groupId,
    async close(admin: KafkaAdmin) {
      await consumer.shutdown();
      await producer.shutdown();
      await admin.deleteGroups([consumer.groupId]).catch(() => undefined);
    },
  };
}
