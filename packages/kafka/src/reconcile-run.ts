/**
 * One reconcile run as a command does it: connect an admin client, reconcile, log the report and
 * any drift, disconnect. Shared by `npm run -w @dbulk/kafka topics` (scripts/stack) and the api
 * image's `deploy/reconcile-topics.js` (the chart's hook Job). Resolves with the exit code.
 */
import type { Logger } from '@dbulk/logger';
import { createKafka } from './client';
import { kafkaConnection, type KafkaConnectionEnv } from './connection';
import { reconcileTopics, type ReconcileOptions } from './reconcile';
import type { TopicSpec } from './topics';

export interface ReconcileRunEnv extends KafkaConnectionEnv {
  KAFKA_CLIENT_ID: string;
}

export async function runReconcile(
  env: ReconcileRunEnv,
  logger: Logger,
  topics: TopicSpec[],
  options: ReconcileOptions = {},
): Promise<number> {
  const kafka = createKafka({ ...kafkaConnection(env), clientId: `${env.KAFKA_CLIENT_ID}-topics`, logger });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const report = await reconcileTopics(admin, topics, options);
    for (const warning of report.warnings) logger.warn({ warning }, 'topic differs from its declaration');
    logger.info({ ...report, brokers: env.KAFKA_BROKERS }, 'topics reconciled');
    return 0;
  } catch (err) {
    logger.error({ err, brokers: env.KAFKA_BROKERS }, 'topic reconcile failed');
    return 1;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
