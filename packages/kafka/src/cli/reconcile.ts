/**
 * `npm run -w @dbulk/kafka topics`: creates or expands the declared topics on KAFKA_BROKERS.
 * Run by scripts/stack after the broker is up and by the chart's deploy job; exits non-zero on failure.
 */
import { ConfigError } from '@dbulk/config';
import { createLogger } from '@dbulk/logger';
import { createKafka } from '../client';
import { kafkaConnection } from '../connection';
import { reconcileTopics } from '../reconcile';
import { ALL_TOPICS } from '../topics';
import { readTopicsCliEnv, type TopicsCliEnv } from './env';

async function main(env: TopicsCliEnv): Promise<number> {
  const logger = createLogger({ name: 'kafka-topics', level: env.LOG_LEVEL });
  const kafka = createKafka({ ...kafkaConnection(env), clientId: `${env.KAFKA_CLIENT_ID}-topics`, logger });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const report = await reconcileTopics(admin, ALL_TOPICS, { replicationFactor: env.KAFKA_REPLICATION_FACTOR });
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

try {
  process.exitCode = await main(readTopicsCliEnv());
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.error(err.message);
  process.exitCode = 2;
}
