/**
 * `npm run -w @dbulk/kafka topics`: creates or expands the declared topics on KAFKA_BROKERS.
 * Run by scripts/stack after the broker is up (the chart runs the api image's
 * deploy/reconcile-topics.js); exits non-zero on failure.
 */
import { ConfigError } from '@dbulk/config';
import { createLogger } from '@dbulk/logger';
import { runReconcile } from '../reconcile-run';
import { ALL_TOPICS } from '../topics';
import { readTopicsCliEnv } from './env';

try {
  const env = readTopicsCliEnv();
  const logger = createLogger({ name: 'kafka-topics', level: env.LOG_LEVEL });
  process.exitCode = await runReconcile(env, logger, ALL_TOPICS, {
    replicationFactor: env.KAFKA_REPLICATION_FACTOR,
  });
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.error(err.message);
  process.exitCode = 2;
}
