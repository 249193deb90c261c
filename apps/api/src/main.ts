/**
 * Starts the api: parse the environment, connect, listen. On SIGTERM/SIGINT: stop accepting,
 * end SSE streams, let in-flight requests finish (at most DRAIN_TIMEOUT_MS), then close the
 * audit feed and the ORM and exit 0. Any start-up failure exits 1 with the reason.
 * @see https://fastify.dev/docs/latest/Guides/Recommendations/
 * @see https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination
 */
import { ConfigError } from '@dbulk/config';
import { closeHttpServer, installShutdown } from '@dbulk/lifecycle';
import { createLogger, type Logger } from '@dbulk/logger';
import { buildApp, type ApiApp } from './app';
import { createDeps } from './deps';
import { loadApiEnv, type ApiEnv } from './env';

/** Below Kubernetes' default 30 s grace period, leaving time to close the database. */
const DRAIN_TIMEOUT_MS = 10_000;


async function start(env: ApiEnv, logger: Logger): Promise<void> {
  const deps = await createDeps(env, logger);
  let app: ApiApp;
  try {
    app = await buildApp(deps, {
      trustProxy: env.TRUST_PROXY,
      bodyLimitBytes: env.BODY_LIMIT_BYTES,
      secureCookies: env.NODE_ENV === 'production',
    });
    const url = await app.listen({ host: env.HOST, port: env.PORT });
    logger.info({ url, version: deps.version, publicUrl: env.PUBLIC_URL }, `api listening on ${url}`);
  } catch (err) {
    await deps.close().catch(() => {});
    throw err;
  }
  installShutdown(
    ['SIGTERM', 'SIGINT'],
    [
      { name: 'http', close: () => closeHttpServer(app, logger, DRAIN_TIMEOUT_MS) },
      { name: 'database', close: () => deps.close() },
    ],
    { logger, timeoutMs: DRAIN_TIMEOUT_MS + 5_000 },
  );
}

let env: ApiEnv;
try {
  env = loadApiEnv();
} catch (err) {
  console.error(err instanceof ConfigError ? `api: ${err.message}` : err);
  process.exit(1);
}
const logger = createLogger({ name: 'api', level: env.LOG_LEVEL });
start(env, logger).catch((err: unknown) => {
  logger.fatal({ err }, `api failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
