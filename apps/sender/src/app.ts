/**
 * The sender's small HTTP side, built without listening so tests use `app.inject()`:
 * `/healthz` (alive), `/readyz` (the send consumer is in its group and PostgreSQL answers),
 * `/metrics`.
 * @see https://fastify.dev/docs/latest/Guides/Testing/
 */
import Fastify, { LogController, type FastifyBaseLogger } from 'fastify';
import type { Logger } from '@dbulk/logger';
import type { Registry } from 'prom-client';

export interface ReadyReport {
  ready: boolean;
  consumer: 'connected' | 'disconnected';
  database: 'up' | 'down';
  planner: 'leader' | 'follower' | 'off';
}

export interface SenderAppDeps {
  logger: Logger;
  registry: Registry;
  ready: () => Promise<ReadyReport>;
}

export async function buildApp(deps: SenderAppDeps) {
  const app = Fastify({
    loggerInstance: deps.logger.child({ component: 'http' }) as FastifyBaseLogger,
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
