/**
 * Builds ingest's HTTP server without listening, so tests drive it with `app.inject()`.
 * GET answers Meta's handshake; POST checks the signature over the raw bytes, routes the body
 * and hands it to the batcher, answering 200 only once Kafka acknowledged it (invariant 4).
 * Every non-200 is cheap for Meta to retry; nothing unsigned is ever produced.
 * @see https://fastify.dev/docs/latest/Reference/ContentTypeParser/
 * @see ../shared/meta/README.md (beside the repository) §2
 */
import { isUtf8 } from 'node:buffer';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyReply } from 'fastify';
import { isAppError } from '@dbulk/errors';
import type { RawProduceRecord } from '@dbulk/kafka';
import type { Logger } from '@dbulk/logger';
import { SIGNATURE_HEADER, verifySignature } from '@dbulk/meta';
import type { Batcher } from './batcher';
import { checkHandshake } from './handshake';
import type { IngestMetrics, RequestRoute } from './metrics';
import { encodeWebhookRecord } from './record';
import { isEnvelope, routeEnvelope } from './routing';

export const WEBHOOK_PATH = '/webhooks/whatsapp';

export interface IngestAppDeps {
  logger: Logger;
  appSecret: string;
  verifyToken: string;
  batcher: Pick<Batcher<RawProduceRecord>, 'add'>;
  metrics: IngestMetrics;
  /** Kafka reachable and the process not shutting down. */
  ready: () => Promise<{ ready: boolean; kafka: 'up' | 'down'; accepting: boolean }>;
}

export interface IngestAppOptions {
  bodyLimitBytes: number;
  retryAfterSeconds: number;
}

/** AppError code of a refused record → the `reason` label of its 503. */
const REASONS: Record<string, string> = {
  INGEST_ACK_TIMEOUT: 'timeout',
  KAFKA_PRODUCE_TIMEOUT: 'timeout',
  KAFKA_PRODUCE_FAILED: 'failed',
  INGEST_BACKPRESSURE: 'backpressure',
  INGEST_CLOSING: 'closing',
};

const NOT_JSON = Symbol('not JSON');

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
}

export async function buildApp(deps: IngestAppDeps, { bodyLimitBytes, retryAfterSeconds }: IngestAppOptions) {
  const { logger, metrics } = deps;
  const app = Fastify({
    loggerInstance: logger.child({ component: 'http' }) as FastifyBaseLogger,
    // Thousands of requests a second: outcomes go to metrics, and only problems are logged.
    logController: new LogController({ disableRequestLogging: true }),
    // No pino child per request (with redaction, ~5 % of ingest's CPU in a profile): the few
    // lines written name the request themselves (`reqId`).
    childLoggerFactory: (logger) => logger,
    bodyLimit: bodyLimitBytes,
    requestIdHeader: false,
  });

  const answer = (reply: FastifyReply, route: RequestRoute, status: number, reason: string, text = '') => {
    metrics.count(route, status, reason, reply.elapsedTime / 1000);
    // The 200 Meta waits for carries nothing; every other answer says why, as plain text.
    if (status === 200 && text === '') return reply.code(200).send();
    if (status === 503) reply.header('retry-after', String(retryAfterSeconds));
    return reply.code(status).type('text/plain; charset=utf-8').header('x-content-type-options', 'nosniff').send(text);
  };

  // While closing, answers end their keep-alive connection, so close() does not wait for idle clients.
  let closing = false;
  app.addHook('preClose', async () => void (closing = true));
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const route: RequestRoute = request.method === 'POST' ? 'event' : 'verify';
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      request.log.warn({ reqId: request.id, limit: bodyLimitBytes, contentLength: request.headers['content-length'] }, 'webhook body over the limit');
      return answer(reply, route, 413, 'too_large', `body larger than ${bodyLimitBytes} bytes`);
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) return answer(reply, route, status, 'bad_request', error.message);
    request.log.error({ reqId: request.id, err: error }, 'webhook request failed');
    return answer(reply, route, 500, 'internal', 'internal error');
  });

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const report = await deps.ready();
    return reply.code(report.ready ? 200 : 503).send(report);
  });
  app.get('/metrics', async (_request, reply) => reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()));

  app.get(WEBHOOK_PATH, async (request, reply) => {
    const result = checkHandshake(request.query as Record<string, unknown>, deps.verifyToken);
    if (!result.ok) {
      request.log.warn({ reqId: request.id, reason: result.reason }, 'verification handshake refused');
      return answer(reply, 'verify', result.status, result.reason, 'forbidden');
    }
    return answer(reply, 'verify', 200, 'ok', result.challenge);
  });

  await app.register(async (scope) => {
    // The exact bytes Meta signed, whatever the content type; Fastify counts them as they stream
    // and stops at the limit (413), so an oversized body is never buffered whole.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: bodyLimitBytes }, (_request, body, done) => done(null, body));

    scope.post(WEBHOOK_PATH, async (request, reply) => {
      const receivedAt = new Date();
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const signature = verifySignature(deps.appSecret, raw, request.headers[SIGNATURE_HEADER]);
      if (!signature.ok) {
        request.log.warn({ reqId: request.id, reason: signature.reason, bytes: raw.length }, 'webhook signature refused; nothing produced');
        return answer(reply, 'event', 401, `${signature.reason}_signature`, 'invalid signature');
      }
      // Correctly signed yet unreadable: Meta never sends that, so it is a bug worth a look, not a retry loop.
      const body = isUtf8(raw) ? raw.toString('utf8') : null;
      const parsed = body === null ? NOT_JSON : parseJson(body);
      if (body === null || parsed === NOT_JSON) {
        request.log.error({ reqId: request.id, bytes: raw.length, utf8: body !== null }, 'signed webhook body is not JSON; refused');
        return answer(reply, 'event', 400, 'invalid_json', 'body is not JSON');
      }
      const routing = routeEnvelope(parsed);
      if (!isEnvelope(parsed)) {
        request.log.warn({ reqId: request.id, bytes: raw.length, key: routing.key }, 'signed webhook is not the usual envelope; produced anyway');
      }
      const value = encodeWebhookRecord({ body, headers: request.headers, receivedAt, phoneNumberId: routing.phoneNumberId });
      try {
        await deps.batcher.add({ key: routing.key, value });
      } catch (err) {
        const code = isAppError(err) ? err.code : 'UNKNOWN';
        request.log.debug({ reqId: request.id, code, key: routing.key, bytes: raw.length }, 'webhook not acknowledged by Kafka; 503');
        return answer(reply, 'event', 503, REASONS[code] ?? 'failed', 'try again later');
      }
      return answer(reply, 'event', 200, 'ok');
    });
  });

  return app;
}

export type IngestApp = Awaited<ReturnType<typeof buildApp>>;
