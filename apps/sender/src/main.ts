/**
 * Starts the sender: parse the environment, connect PostgreSQL, answer probes, join
 * `sender.send` (and the planner's election when enabled). On SIGTERM/SIGINT: stop planning,
 * stop fetching, finish the sends in flight and write their results, commit offsets, leave the
 * group, close producers, HTTP and the database, exit 0. Any start-up failure exits 1.
 * @see https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination
 */
import { ConfigError } from '@dbulk/config';
import { installShutdown } from '@dbulk/lifecycle';
import { createLogger, type Logger } from '@dbulk/logger';
import { buildApp } from './app';
import { loadSenderEnv, type SenderEnv } from './env';
import { SenderWorker } from './worker';

/** Below Kubernetes' default 30 s grace period; in-flight sends are bounded by the rate horizon and Graph timeout. */
const SHUTDOWN_TIMEOUT_MS = 25_000;

async function start(env: SenderEnv, logger: Logger): Promise<void> {
  const worker = await SenderWorker.create(env, logger);
  const app = await buildApp({ logger, registry: worker.registry, ready: () => worker.ready() });
  try {
    const url = await app.listen({ host: env.HOST, port: env.PORT });
    logger.info({ url }, `sender probes on ${url}`);
    await worker.start();
  } catch (err) {
    await app.close().catch(() => {});
    for (const closer of worker.closers()) await closer.close().catch(() => {});
    throw err;
  }
  installShutdown(['SIGTERM', 'SIGINT'], worker.closers([{ name: 'http', close: () => app.close() }]), { logger, timeoutMs: SHUTDOWN_TIMEOUT_MS });
}

let env: SenderEnv;
try {
  env = loadSenderEnv();
} catch (err) {
  console.error(err instanceof ConfigError ? `sender: ${err.message}` : err);
  process.exit(1);
}
const logger = createLogger({ name: 'sender', level: env.LOG_LEVEL });
start(env, logger).catch((err: unknown) => {
  logger.fatal({ err }, `sender failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
