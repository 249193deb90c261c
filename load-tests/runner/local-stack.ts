/**
 * The built apps the smoke scenarios run against, as local processes on free ports, isolated
 * from every other test: every app uses this run's own topics (`load-<run>.dbulk.*`), the sender
 * and the processor consume them in their own groups, the sender's planner is off and a planner
 * runs here instead, scoped to the tenants the journeys create (`scope`), so no other test's
 * campaign is sent or stolen.
 * @see ../../packages/testing/src/processes.ts
 */
import { randomBytes, randomInt } from 'node:crypto';
import { createOrm } from '@dbulk/db';
import { createPlanner } from '@dbulk/domain-campaigns';
import { createKafka, reconcileTopics, TOPICS, TypedProducer } from '@dbulk/kafka';
import { createLogger } from '@dbulk/logger';
import { startBuiltApp, testStack, type RunningApp } from '@dbulk/testing';

export const ORIGIN = 'http://load-tests.local';

export interface LocalStack {
  run: string;
  prefix: string;
  databaseUrl: string;
  apiUrl: string;
  ingestUrl: string;
  sandboxUrl: string;
  appSecret: string;
  /** Tenant ids the planner serves; push a journey's tenant here. */
  scope: string[];
  kafka: ReturnType<typeof createKafka>;
  stop(): Promise<void>;
}

export async function startLocalStack(): Promise<LocalStack> {
  const { databaseUrl, kafkaBrokers } = testStack();
  const run = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const prefix = `load-${run}.`;
  const appSecret = `load-${run}-secret`;
  const logger = createLogger({ name: 'load-tests', level: 'warn' });
  const kafka = createKafka({ brokers: kafkaBrokers, clientId: `load-${run}`, logger });
  const admin = kafka.admin();
  await admin.connect();
  await reconcileTopics(admin, Object.values(TOPICS), { topicPrefix: prefix });
  await admin.disconnect();

  const apps: RunningApp[] = [];
  const scope: string[] = [];
  const encryptionKey = randomBytes(32).toString('base64');
  const kafkaEnv = { KAFKA_BROKERS: kafkaBrokers.join(','), KAFKA_TOPIC_PREFIX: prefix };
  const orm = await createOrm({ url: databaseUrl, poolMax: 4 });
  const producer = new TypedProducer({ kafka, logger, topicPrefix: prefix, idempotent: true });
  const planner = createPlanner({ orm, producer, logger, tickMs: 300, tenantIds: scope, lockKey: randomInt(1_000_000, 2_000_000_000) });

  const stop = async () => {
    await planner.stop().catch(() => undefined);
    await producer.shutdown().catch(() => undefined);
    for (const app of apps.reverse()) await app.stop();
    await orm.close(true);
    const a = kafka.admin();
    await a.connect();
    const topics = (await a.listTopics()).filter((t) => t.startsWith(prefix));
    if (topics.length) await a.deleteTopics({ topics }).catch(() => undefined);
    await a.disconnect();
  };
  try {
    const start = async (app: string, env: Record<string, string>, healthPath = '/readyz') => {
      const started = await startBuiltApp(app, { NODE_ENV: 'production', ...env }, { healthPath, timeoutMs: 60_000 });
      apps.push(started);
      return started.url;
    };
    const ingestUrl = await start('ingest', { ...kafkaEnv, META_APP_SECRET: appSecret, META_WEBHOOK_VERIFY_TOKEN: appSecret });
    const sandboxUrl = await start('meta-sandbox', { SANDBOX_CONTROL: 'true', META_APP_SECRET: appSecret, SANDBOX_WEBHOOK_URL: `${ingestUrl}/webhooks/whatsapp` }, '/healthz');
    const graph = { META_GRAPH_URL: sandboxUrl, META_APP_SECRET: appSecret, ENCRYPTION_KEY: encryptionKey };
    const apiUrl = await start('api', { ...graph, ...kafkaEnv, DATABASE_URL: databaseUrl, META_SANDBOX_URL: sandboxUrl, PUBLIC_URL: ORIGIN, ALLOWED_ORIGINS: ORIGIN }, '/healthz');
    await start('processor', { ...kafkaEnv, DATABASE_URL: databaseUrl, PROCESSOR_GROUP_PURPOSE: `load-${run}`, WEBHOOK_RETENTION_INTERVAL_MINUTES: '0' });
    await start('sender', { ...graph, ...kafkaEnv, DATABASE_URL: databaseUrl, PLANNER_ENABLED: 'false', SENDER_GROUP_PURPOSE: `load-${run}` });
    await producer.start();
    await planner.start();
    return { run, prefix, databaseUrl, apiUrl, ingestUrl, sandboxUrl, appSecret, scope, kafka, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
