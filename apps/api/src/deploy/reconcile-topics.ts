/**
 * `node apps/api/dist/deploy/reconcile-topics.js`: creates missing topics and raises partition
 * counts to the deployment's (KAFKA_TOPIC_PARTITIONS), idempotently. The chart runs it as a
 * pre-install/pre-upgrade hook Job after the migrations, so a `helm upgrade` that raises
 * partitions converges before the wider consumer groups roll out. Exit 0, 1 (Kafka), 2 (config).
 * @see https://kafka.apache.org/documentation/#basic_ops_modify_topic
 */
import { ConfigError } from '@dbulk/config';
import { ALL_TOPICS, runReconcile } from '@dbulk/kafka';
import { createLogger } from '@dbulk/logger';
import { loadTopicsEnv } from './env';
import { withPartitions } from './partitions';

try {
  const env = loadTopicsEnv();
  const logger = createLogger({ name: 'reconcile-topics', level: env.LOG_LEVEL });
  process.exitCode = await runReconcile(env, logger, withPartitions(ALL_TOPICS, env.KAFKA_TOPIC_PARTITIONS), {
    replicationFactor: env.KAFKA_REPLICATION_FACTOR,
    topicPrefix: env.KAFKA_TOPIC_PREFIX,
  });
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.error(`reconcile-topics: ${err.message}`);
  process.exitCode = 2;
}
