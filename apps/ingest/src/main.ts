/**
 * Starts ingest: parse the environment, connect the producer, listen. On SIGTERM/SIGINT: fail
 * readiness, stop accepting and let in-flight requests get their Kafka answer (at most
 * DRAIN_TIMEOUT_MS), flush the batcher, disconnect the producer, exit 0. Any start-up failure
 * exits 1 with the reason.
 * @see https://fastify.dev/docs/latest/Guides/Recommendations/
 * @see https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination
 */
import { ConfigError } from '@dbulk/config';
import { closeHttpServer, installShutdown } from '@dbulk/lifecycle';
import { createLogger, type Logger } from '@dbulk/logger';
import { buildApp, type IngestApp } from './app';
import { createDeps } from './deps';
import { loadIngestEnv, type IngestEnv } from './env';

/** Longer than the ack timeout, so every request already accepted gets its real answer. */
const DRAIN_TIMEOUT_MS = 10_000;


async function start(env: IngestEnv, logger: Logger): Promise<void> {
  const deps = await createDeps(env, logger);
  let app: IngestApp;
  try {
    app = await buildApp(deps, deps.options);
    const url = await app.listen({ host: env.HOST, port: env.PORT });
    logger.info({ url, topicPrefix: env.KAFKA_TOPIC_PREFIX || undefined }, `ingest listening on ${url}`);
  } catch (err) {
    await deps.closeKafka().catch(() => {});
    throw err;
  }
  installShutdown(
    ['SIGTERM', 'SIGINT'],
    [
      {
        name: 'http',
        close: async () => {
          deps.stopAccepting();
          await closeHttpServer(app, logger, DRAIN_TIMEOUT_MS);
        },
      },
      { name: 'batcher', close: () => deps.batcher.close() },
      { name: 'kafka', close: () => deps.closeKafka() },
    ],
    { logger, timeoutMs: DRAIN_TIMEOUT_MS + env.INGEST_ACK_TIMEOUT_MS + 5_000 },
  );
}

let env: IngestEnv;
try {
  env = loadIngestEnv();
} catch (err) {
  console.error(err instanceof ConfigError ? `ingest: ${err.message}` : err);
  process.exit(1);
}
const logger = createLogger({ name: 'ingest', level: env.LOG_LEVEL });
start(env, logger).catch((err: unknown) => {
  logger.fatal({ err }, `ingest failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
