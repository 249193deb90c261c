/**
 * Errors that happen before tRPC sees a request (body too large, unreadable JSON, unknown route)
 * are answered in tRPC's own error shape, so the web apps' clients show them like any other.
 * @see https://trpc.io/docs/rpc#error-responses
 * @see https://fastify.dev/docs/latest/Reference/Server/#seterrorhandler
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { TRPC_ERROR_CODES_BY_KEY, type TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';

export function errorBody(httpStatus: number, code: TRPC_ERROR_CODE_KEY, message: string, appCode: string) {
  return {
    error: {
      message,
      code: TRPC_ERROR_CODES_BY_KEY[code],
      data: { code, httpStatus, appCode, fieldErrors: undefined },
    },
  };
}

const CODE_BY_STATUS: Record<number, TRPC_ERROR_CODE_KEY> = {
  400: 'BAD_REQUEST',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_SUPPORTED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
};

export function installErrorHandlers(app: FastifyInstance, bodyLimitBytes: number): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status === 413) {
      const message = `request body is larger than the ${bodyLimitBytes}-byte limit`;
      return reply.code(413).send(errorBody(413, 'PAYLOAD_TOO_LARGE', message, 'BODY_TOO_LARGE'));
    }
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return reply
        .code(400)
        .send(
          errorBody(400, 'PARSE_ERROR', `request body is not valid JSON: ${error.message}`, 'MALFORMED_JSON'),
        );
    }
    if (status >= 400 && status < 500) {
      return reply
        .code(status)
        .send(
          errorBody(
            status,
            CODE_BY_STATUS[status] ?? 'BAD_REQUEST',
            error.message,
            error.code ?? 'BAD_REQUEST',
          ),
        );
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send(errorBody(500, 'INTERNAL_SERVER_ERROR', 'internal error', 'INTERNAL'));
  });

  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .send(
        errorBody(
          404,
          'NOT_FOUND',
          `no route for ${request.method} ${request.url.split('?')[0]}`,
          'ROUTE_NOT_FOUND',
        ),
      ),
  );
}

/**
 * The tRPC plugin hands JSON bodies to tRPC as text, which parses them only once the procedure
 * reads its input (after the auth and origin checks). Checking here gives a malformed body a
 * 400 that says so, whatever the procedure. The second parse costs microseconds at our sizes.
 */
export function malformedJsonProblem(sources: Array<[label: string, text: unknown]>): string | null {
  for (const [label, text] of sources) {
    if (typeof text !== 'string' || text === '') continue;
    try {
      JSON.parse(text);
    } catch (err) {
      return `${label} is not valid JSON: ${(err as Error).message}`;
    }
  }
  return null;
}
