/**
 * Test helpers (secondary entry point `@dbulk/kafka/testing`, never imported by production code):
 * a client for the stack's broker, unique names so runs never collide, temporary topics, waitFor.
 */
import { randomBytes } from 'node:crypto';
import { createLogger, type Logger } from '@dbulk/logger';
import { createKafka, type KafkaAdmin, type KafkaClient } from '../client';
import { reconcileTopics, type ReconcileReport } from '../reconcile';
import { TOPICS, type TopicName } from '../topics';
import { testBrokers, testLogLevel } from './env';

export { testBrokers } from './env';
export { waitFor } from './wait-for';

/** Distinguishes this test run's topics and groups from any other run on the same broker. */
export const RUN_ID = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
let counter = 0;

/** A topic prefix no other test (or run) uses, e.g. `t-lx2k9a1b2c3-dlq-4.`. */
export function uniqueTopicPrefix(label = 'test'): string {
  return `t-${RUN_ID}-${label}-${++counter}.`;
}

/** A kebab-case name part (consumer group purpose) no other test uses. */
export function uniqueName(label = 'test'): string {
  return `${label}-${RUN_ID}-${++counter}`;
}

export function testLogger(name = 'kafka-test'): Logger {
  return createLogger({ name, level: testLogLevel() });
}

export function testKafka(logger: Logger = testLogger()): KafkaClient {
  // Fail fast when the stack is down instead of retrying for half a minute per call.
  return createKafka({ brokers: testBrokers(), clientId: `dbulk-test-${RUN_ID}`, logger, retry: { retries: 3 } });
}

/** Creates the declared topics under `prefix`, optionally with fewer partitions to keep tests quick. */
export function createTestTopics(
  admin: KafkaAdmin,
  prefix: string,
  names: TopicName[],
  { partitions }: { partitions?: number } = {},
): Promise<ReconcileReport> {
  const specs = names.map((name) => ({ ...TOPICS[name], ...(partitions ? { partitions } : {}) }));
  return reconcileTopics(admin, specs, { topicPrefix: prefix });
}

/** Deletes every topic under `prefix`; for afterAll/afterEach. */
export async function deleteTestTopics(admin: KafkaAdmin, prefix: string): Promise<string[]> {
  const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(prefix));
  if (topics.length > 0) await admin.deleteTopics({ topics });
  return topics;
}
