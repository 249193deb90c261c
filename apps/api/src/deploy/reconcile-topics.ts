/**
 * `node apps/api/dist/deploy/reconcile-topics.js`: creates missing topics and raises partition
 * counts to the deployment's (KAFKA_TOPIC_PARTITIONS), idempotently. The chart runs it as a
 * pre-install/pre-upgrade hook Job after the migrations, so a `helm upgrade` that raises
 * partitions converges before the wider consumer groups roll out. Exit 0, 1 (Kafka), 2 (config).
 * @see https://kafka.apache.org/documentation/#basic_ops_modify_topic
 */
import { ConfigError } from '@dbulk/config';
import { ALL_TOPICS, createKafka, kafkaConnection, reconcileTopics } from '@dbulk/kafka';
import { createLogger } from '@dbulk/logger';
import { loadTopicsEnv, type TopicsEnv } from './env';
import { withPartitions } from './partitions';

async function main(env: TopicsEnv): Promise<number> {
  const logger = createLogger({ name: 'reconcile-topics', level: env.LOG_LEVEL });
  const kafka = createKafka({ ...kafkaConnection(env), clientId: `${env.KAFKA_CLIENT_ID}-topics`, logger });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const topics = withPartitions(ALL_TOPICS, env.KAFKA_TOPIC_PARTITIONS);
    const report = await reconcileTopics(admin, topics, { replicationFactor: env.KAFKA_REPLICATION_FACTOR, topicPrefix: env.KAFKA_TOPIC_PREFIX });
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
  process.exitCode = await main(loadTopicsEnv());
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.error(`reconcile-topics: ${err.message}`);
  process.exitCode = 2;
}
