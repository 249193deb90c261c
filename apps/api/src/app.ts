/**
 * Builds the api's HTTP server without listening, so tests drive it with `app.inject()`:
 * the two tRPC roots, probes, metrics, request ids and the log context of each request.
 * @see https://fastify.dev/docs/latest/Reference/Server/
 * @see https://fastify.dev/docs/latest/Guides/Testing/
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import Fastify, { LogController, type FastifyBaseLogger } from 'fastify';
import cookie from '@fastify/cookie';
import { adminRouter, tenantRouter, type ApiDeps } from '@dbulk/api';
import { withLogContext } from '@dbulk/logger';
import { contactsUpload } from './contacts-upload';
import { exportsRoutes } from './exports';
import { installErrorHandlers } from './http-errors';
import { createMetrics } from './metrics';
import { isReady } from './readiness';
import { SseStreams } from './sse-streams';
import { trpcHost } from './trpc-host';

export interface AppOptions {
  /** Trust X-Forwarded-* (client ip) — only behind our own ingress. */
  trustProxy?: boolean;
  bodyLimitBytes?: number;
  /** Mark the session cookie Secure (production, served over HTTPS). */
  secureCookies?: boolean;
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;
const PROBES = new Set(['/healthz', '/readyz', '/metrics']);

/** Keeps the caller's request id (a proxy's or a client's) when it is safe to log; makes one otherwise. */
function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

export async function buildApp(deps: ApiDeps, options: AppOptions = {}) {
  const { trustProxy = false, bodyLimitBytes = 1024 * 1024, secureCookies = false } = options;
  const sse = new SseStreams();
  const metrics = createMetrics(() => sse.size);
  const app = Fastify({
    // Typed as Fastify's base logger so plugins and helpers take a plain FastifyInstance.
    loggerInstance: deps.logger.child({ component: 'http' }) as FastifyBaseLogger,
    // One line per request is written below (with the route and duration), not Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy,
    bodyLimit: bodyLimitBytes,
    requestIdHeader: false,
    genReqId: requestId,
    // A batched call names every procedure in one path segment (`auth.me,members.list`).
    routerOptions: { maxParamLength: 5_000 },
  });

  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    withLogContext({ requestId: request.id }, done);
  });
  // Body parsing can resume in another async context; enter the request's again before the handler.
  app.addHook('preHandler', (request, _reply, done) => withLogContext({ requestId: request.id }, done));
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? '(unmatched)';
    const seconds = reply.elapsedTime / 1000;
    metrics.httpDuration.observe(
      { method: request.method, route, status: String(reply.statusCode) },
      seconds,
    );
    const level = PROBES.has(route) ? 'debug' : 'info';
    withLogContext({ requestId: request.id }, () =>
      request.log[level](
        { method: request.method, route, status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
        'request completed',
      ),
    );
  });
  // Before the server waits for in-flight requests: SSE streams would otherwise never finish.
  app.addHook('preClose', async () => sse.closeAll());

  installErrorHandlers(app, bodyLimitBytes);
  await app.register(cookie);

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const report = await deps.health();
    return reply.code(isReady(report) ? 200 : 503).send(report);
  });
  app.get('/metrics', async (_request, reply) =>
    reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
  );

  const host = { deps, metrics, secureCookies, sse };
  await app.register(trpcHost, { ...host, prefix: '/trpc/tenant', router: tenantRouter });
  await app.register(trpcHost, { ...host, prefix: '/trpc/admin', router: adminRouter });
  await app.register(contactsUpload, { deps, secureCookies });
  await app.register(exportsRoutes, { deps, secureCookies });
  return app;
}

export type ApiApp = Awaited<ReturnType<typeof buildApp>>;
