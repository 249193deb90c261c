/**
 * Builds the sandbox's HTTP server without listening, so tests drive it with `app.inject()`:
 * Graph routes under `/v{version}/…`, the control API under `/_sandbox/…` (when enabled),
 * probes, and Graph-shaped errors for anything that goes wrong.
 * @see https://fastify.dev/docs/latest/Reference/Server/
 * @see https://fastify.dev/docs/latest/Guides/Testing/
 */
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { GraphError, invalidParameter, unknownPath } from './graph/errors';
import { controlRoutes } from './routes/control';
import { ControlError } from './routes/control-input';
import { debugTokenRoutes } from './routes/debug-token';
import { messagesRoutes } from './routes/messages';
import { nodeRoutes } from './routes/nodes';
import { phoneNumberRoutes } from './routes/phone-numbers';
import { templateRoutes } from './routes/templates';
import { wabaRoutes } from './routes/waba';
import { Sandbox, type SandboxOptions } from './sandbox';
import { installBodyParsers } from './body-parsers';

export interface AppOptions extends SandboxOptions {
  /** Register `/_sandbox/*` (dev and tests only). */
  control: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The simulator's state; tests and main.ts reach the clock and the emitter through it. */
    sandbox: Sandbox;
  }
}

export type SandboxApp = FastifyInstance;

export async function buildApp(options: AppOptions): Promise<SandboxApp> {
  const sandbox = new Sandbox(options);
  const app = Fastify({
    loggerInstance: options.logger.child({ component: 'http' }) as FastifyBaseLogger,
    // Load tests send thousands of requests a second; one line each would drown the log.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 4 * 1024 * 1024,
  });
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  installBodyParsers(app);

  const isControl = (url: string) => url.startsWith('/_sandbox');
  app.setErrorHandler((err: Error & { statusCode?: number }, request, reply) => {
    if (err instanceof ControlError) return reply.code(err.status).send({ error: err.message, issues: err.issues });
    const status = err.statusCode ?? 500;
    if (isControl(request.url) && !(err instanceof GraphError)) return reply.code(status).send({ error: err.message });
    let graph = err instanceof GraphError ? err : null;
    if (!graph && status < 500) graph = invalidParameter('Invalid parameter', { details: err.message });
    if (!graph) {
      request.log.error({ err }, 'unexpected error in the sandbox');
      graph = new GraphError({ status: 500, code: 1, message: 'An unknown error has occurred.' });
    }
    return reply.code(graph.status).send(graph.toBody(sandbox.ids.fbtrace()));
  });
  app.setNotFoundHandler((request, reply) => {
    if (isControl(request.url)) return reply.code(404).send({ error: `no control route ${request.method} ${request.url}` });
    const error = unknownPath(request.url.split('?')[0] ?? request.url);
    return reply.code(error.status).send(error.toBody(sandbox.ids.fbtrace()));
  });

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => reply.code(closing ? 503 : 200).send({ status: closing ? 'closing' : 'ok' }));

  debugTokenRoutes(app, sandbox);
  messagesRoutes(app, sandbox);
  templateRoutes(app, sandbox);
  phoneNumberRoutes(app, sandbox);
  wabaRoutes(app, sandbox);
  nodeRoutes(app, sandbox);
  if (options.control) controlRoutes(app, sandbox, options.defaults.phoneNumberId);
  // Without this, /_sandbox/x would be read as a Graph path with version "_sandbox".
  else app.all('/_sandbox/*', async (_request, reply) => reply.code(404).send({ error: 'the control API is disabled (SANDBOX_CONTROL=false)' }));

  app.decorate('sandbox', sandbox);
  return app;
}
