/**
 * The small HTTP side every worker process has (processor, sender): `/healthz` (alive),
 * `/readyz` (200 or 503 with the worker's own report) and `/metrics`. Built without listening
 * so tests use `app.inject()`.
 * @see https://fastify.dev/docs/latest/Guides/Testing/
 */
import Fastify, { LogController, type FastifyBaseLogger } from 'fastify';
import type { Logger } from '@dbulk/logger';
import type { Registry } from 'prom-client';

export interface ProbeAppDeps<R extends { ready: boolean }> {
  logger: Logger;
  registry: Registry;
  ready: () => Promise<R>;
}

export async function buildProbeApp<R extends { ready: boolean }>(deps: ProbeAppDeps<R>) {
  const app = Fastify({
    loggerInstance: deps.logger.child({ component: 'http' }) as FastifyBaseLogger,
    // Probes every few seconds would drown the log; nothing else is served here.
    logController: new LogController({ disableRequestLogging: true }),
  });
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const report = await deps.ready();
    return reply.code(report.ready ? 200 : 503).send(report);
  });
  app.get('/metrics', async (_request, reply) => reply.type(deps.registry.contentType).send(await deps.registry.metrics()));
  return app;
}
