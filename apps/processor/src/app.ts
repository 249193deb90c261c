/**
 * The processor's small HTTP side, built without listening so tests use `app.inject()`:
 * `/healthz` (the process is alive), `/readyz` (the consumer is in its group and PostgreSQL
 * answers) and `/metrics`.
 * @see https://fastify.dev/docs/latest/Guides/Testing/
 */
import Fastify, { LogController, type FastifyBaseLogger } from 'fastify';
import type { Logger } from '@dbulk/logger';
import type { Registry } from 'prom-client';
import type { ReadyReport } from './processor';

export interface ProcessorAppDeps {
  logger: Logger;
  registry: Registry;
  ready: () => Promise<ReadyReport>;
}

export async function buildApp(deps: ProcessorAppDeps) {
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

export type ProcessorApp = Awaited<ReturnType<typeof buildApp>>;
