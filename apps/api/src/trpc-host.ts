/**
 * Serves one root router under a prefix: the outer context (request facts and the session
 * cookie), SSE subscriptions, the malformed-JSON check, procedure metrics and error logging.
 * @see https://trpc.io/docs/server/adapters/fastify
 * @see https://trpc.io/docs/server/subscriptions
 * @see https://github.com/fastify/fastify-cookie#sending
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AnyTRPCRouter } from '@trpc/server';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import { createContext, type ApiDeps, type CookieJar, type RequestMeta } from '@dbulk/api';
import { SESSION_COOKIE } from '@dbulk/auth';
import { errorBody, malformedJsonProblem } from './http-errors';
import type { ApiMetrics } from './metrics';
import type { SseStreams } from './sse-streams';

export interface TrpcHostOptions {
  prefix: string;
  router: AnyTRPCRouter;
  deps: ApiDeps;
  metrics: ApiMetrics;
  secureCookies: boolean;
  sse: SseStreams;
}

function cookieJar(reply: FastifyReply, secure: boolean): CookieJar {
  // HttpOnly: no script reads it; Lax: not sent on cross-site POSTs (the Origin check is the second line).
  const options = { httpOnly: true, sameSite: 'lax', path: '/', secure } as const;
  return {
    setSession: (token, expiresAt) =>
      void reply.setCookie(SESSION_COOKIE, token, { ...options, expires: expiresAt }),
    clearSession: () => void reply.clearCookie(SESSION_COOKIE, options),
  };
}

export function requestMeta(req: FastifyRequest, reply: FastifyReply, secureCookies: boolean): RequestMeta {
  const header = (name: string) => {
    const value = req.headers[name];
    return (Array.isArray(value) ? value[0] : value) || null;
  };
  return {
    ip: req.ip || null,
    userAgent: header('user-agent'),
    origin: header('origin'),
    sessionToken: req.cookies[SESSION_COOKIE] || null,
    cookies: cookieJar(reply, secureCookies),
  };
}

export async function trpcHost(
  app: FastifyInstance,
  { router, deps, metrics, secureCookies, sse }: TrpcHostOptions,
): Promise<void> {
  app.addHook('preValidation', async (request, reply) => {
    const query = request.query as { input?: unknown };
    const problem = malformedJsonProblem([
      ['request body', request.body],
      ['?input', query.input],
    ]);
    if (problem) return reply.code(400).send(errorBody(400, 'PARSE_ERROR', problem, 'MALFORMED_JSON'));
  });
  app.addHook('onSend', async (_request, _reply, payload) =>
    payload instanceof Response && payload.headers.get('content-type')?.startsWith('text/event-stream')
      ? sse.track(payload)
      : payload,
  );

  const count = (path: string, type: string, outcome: string) =>
    metrics.procedureCalls.inc({ path, type, outcome });
  const trpcOptions: FastifyTRPCPluginOptions<AnyTRPCRouter>['trpcOptions'] = {
    router,
    createContext: ({ req, res }) => createContext(deps, requestMeta(req, res, secureCookies)),
    responseMeta({ info, data, eagerGeneration }) {
      // `data` lines up with `info.calls` for plain calls; streams (SSE, jsonl) have not produced anything yet.
      info?.calls.forEach((call, index) => {
        const result = data[index] as { error?: { data?: { code?: string } } } | undefined;
        const outcome = eagerGeneration ? 'opened' : (result?.error?.data?.code ?? 'ok');
        // An unknown path is the client's own text: never a label.
        count(call.procedure ? call.path : '(unknown)', call.procedure?._def.type ?? 'unknown', outcome);
      });
      return {};
    },
    onError({ error, path, type, ctx }) {
      // A subscription's errors travel inside its 200 stream, so they are counted here (responseMeta says "opened").
      if (type === 'subscription' && path) count(path, type, error.code);
      // The `logged` middleware already wrote internal errors thrown inside a procedure's chain; what is
      // left is context creation (e.g. the session lookup) and errors thrown mid-stream.
      if (error.code !== 'INTERNAL_SERVER_ERROR' || (ctx && type !== 'subscription')) return;
      deps.logger.error({ err: error.cause ?? error, path, type }, 'tRPC request failed');
    },
  };
  await app.register(fastifyTRPCPlugin, { trpcOptions });
}
