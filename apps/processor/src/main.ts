/**
 * Starts the processor: parse the environment, connect PostgreSQL, answer probes, join the
 * `processor.webhooks` group. On SIGTERM/SIGINT: stop fetching, finish and commit the chunk in
 * flight, leave the group, stop retention, close the producer, HTTP and the database, exit 0.
 * Any start-up failure exits 1 with the reason.
 * @see https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination
 */
import { ConfigError } from '@dbulk/config';
import { installShutdown } from '@dbulk/lifecycle';
import { createLogger, type Logger } from '@dbulk/logger';
import { buildApp } from './app';
import { loadProcessorEnv, type ProcessorEnv } from './env';
import { Processor } from './processor';

/** Below Kubernetes' default 30 s grace period: a chunk of 1,000 statuses takes well under a second. */
const SHUTDOWN_TIMEOUT_MS = 25_000;

async function start(env: ProcessorEnv, logger: Logger): Promise<void> {
  const processor = await Processor.create(env, logger, { groupPurpose: env.PROCESSOR_GROUP_PURPOSE });
  const app = await buildApp({ logger, registry: processor.metrics.registry, ready: () => processor.ready() });
  try {
    const url = await app.listen({ host: env.HOST, port: env.PORT });
    logger.info({ url }, `processor probes on ${url}`);
    await processor.start();
  } catch (err) {
    await app.close().catch(() => {});
    for (const closer of processor.closers()) await closer.close().catch(() => {});
    throw err;
  }
  installShutdown(['SIGTERM', 'SIGINT'], processor.closers([{ name: 'http', close: () => app.close() }]), { logger, timeoutMs: SHUTDOWN_TIMEOUT_MS });
}

let env: ProcessorEnv;
try {
  env = loadProcessorEnv();
} catch (err) {
  console.error(err instanceof ConfigError ? `processor: ${err.message}` : err);
  process.exit(1);
}
const logger = createLogger({ name: 'processor', level: env.LOG_LEVEL });
start(env, logger).catch((err: unknown) => {
  logger.fatal({ err }, `processor failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
