/**
 * One keep-alive undici Pool to the Graph origin. Requests go through `dispatch` with our own
 * handler so we observe when undici starts writing the request (`onRequestStart`): that is
 * what separates a retryable failure from an ambiguous one (transport-errors.ts).
 * No retries here: only the caller knows whether a retry is safe (the sender's claim rules).
 * @see https://undici.nodejs.org/#/docs/api/Pool
 * @see https://undici.nodejs.org/#/docs/api/Dispatcher?id=dispatcherdispatchoptions-handler
 */
import { invalid } from '@dbulk/errors';
import { Pool, type Dispatcher } from 'undici';
import { metaErrorFromBadBody, metaErrorFromResponse, metaErrorFromTransport } from './meta-api-error';

/** Structural, so any pino logger fits without this package depending on @dbulk/logger. */
export interface GraphLogger {
  debug(obj: Record<string, unknown>, msg: string): void;
  warn(obj: Record<string, unknown>, msg: string): void;
}

export interface GraphTransportOptions {
  /** Origin (and optional path prefix) of the Graph API, e.g. https://graph.facebook.com. */
  graphUrl: string;
  /** Sockets kept to the origin; sends of one sender process share them. */
  connections?: number;
  connectTimeoutMs?: number;
  /** Time to wait for response headers once the request is written. */
  headersTimeoutMs?: number;
  /** Max idle time between body chunks. */
  bodyTimeoutMs?: number;
  keepAliveTimeoutMs?: number;
  /** Larger responses are aborted: no Graph answer dbulk reads comes near this. */
  maxResponseBytes?: number;
  logger?: GraphLogger;
}

export type GraphQuery = Record<string, string | number | boolean | undefined>;

export interface GraphRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path after the prefix, e.g. `/v23.0/123/messages`. */
  path: string;
  query?: GraphQuery;
  token: string;
  body?: unknown;
  /** Other secrets in this request (debug_token's input token) to scrub from errors. */
  secrets?: readonly string[];
}

class TransportFailure extends Error {
  constructor(
    readonly error: unknown,
    readonly written: boolean,
  ) {
    super('transport failure');
  }
}

export class GraphTransport {
  readonly #pool: Pool;
  readonly #prefix: string;
  readonly #maxBytes: number;
  readonly #logger: GraphLogger | undefined;

  constructor(options: GraphTransportOptions) {
    const url = new URL(options.graphUrl);
    this.#prefix = url.pathname.replace(/\/+$/, '');
    this.#maxBytes = options.maxResponseBytes ?? 8 * 1024 * 1024;
    this.#logger = options.logger;
    this.#pool = new Pool(url.origin, {
      connections: options.connections ?? 32,
      pipelining: 1,
      connectTimeout: options.connectTimeoutMs ?? 5_000,
      headersTimeout: options.headersTimeoutMs ?? 30_000,
      bodyTimeout: options.bodyTimeoutMs ?? 30_000,
      keepAliveTimeout: options.keepAliveTimeoutMs ?? 30_000,
    });
  }

  /** Resolves with the status and parsed JSON of a 2xx answer; rejects with a MetaApiError otherwise. */
  async call(req: GraphRequest): Promise<{ status: number; json: unknown }> {
    const requestLine = `${req.method} ${this.#prefix}${req.path}`;
    const secrets = [req.token, ...(req.secrets ?? [])];
    const idempotent = req.method === 'GET';
    const started = performance.now();
    const log = (status: number | undefined) => ({ method: req.method, path: req.path, status, durationMs: Math.round(performance.now() - started) });
    if (!req.token) throw invalid('META_TOKEN_MISSING', `Meta ${requestLine}: no access token given`);
    let response: { status: number; body: Buffer };
    try {
      response = await this.#dispatch(req);
    } catch (failure) {
      const { error, written } = failure instanceof TransportFailure ? failure : { error: failure, written: undefined };
      const err = metaErrorFromTransport(requestLine, error, { method: req.method, written });
      this.#logger?.warn({ ...log(undefined), class: err.errorClass, code: err.code }, 'Graph call failed without an answer');
      throw err;
    }
    const json = parseJson(response.body);
    if (response.status < 200 || response.status >= 300) {
      const err = metaErrorFromResponse(requestLine, response.status, json, secrets, idempotent);
      this.#logger?.warn({ ...log(response.status), class: err.errorClass, metaCode: err.metaCode, fbtraceId: err.fbtraceId }, 'Graph call rejected');
      throw err;
    }
    this.#logger?.debug(log(response.status), 'Graph call');
    if (json === undefined) throw metaErrorFromBadBody(requestLine, response.status, undefined, idempotent);
    return { status: response.status, json };
  }

  /** Waits for in-flight calls, then closes every socket. */
  async close(): Promise<void> {
    await this.#pool.close();
  }

  #dispatch(req: GraphRequest): Promise<{ status: number; body: Buffer }> {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(req.query ?? {})) if (value !== undefined) search.set(key, String(value));
    const qs = search.toString();
    const body = req.body === undefined ? undefined : JSON.stringify(req.body);
    const headers: Record<string, string> = { authorization: `Bearer ${req.token}`, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const options: Dispatcher.DispatchOptions = { method: req.method, path: `${this.#prefix}${req.path}${qs ? `?${qs}` : ''}`, headers, body };
    const maxBytes = this.#maxBytes;
    return new Promise((resolve, reject) => {
      let written = false;
      let status = 0;
      let size = 0;
      const chunks: Buffer[] = [];
      const handler: Dispatcher.DispatchHandler = {
        onRequestStart: () => {
          written = true;
        },
        onResponseStart: (_controller, statusCode) => {
          status = statusCode;
        },
        onResponseData: (controller, chunk) => {
          size += chunk.length;
          if (size > maxBytes) controller.abort(new Error(`Graph response larger than ${maxBytes} bytes`));
          else chunks.push(chunk);
        },
        onResponseEnd: () => resolve({ status, body: Buffer.concat(chunks) }),
        onResponseError: (_controller, error) => reject(new TransportFailure(error, written)),
      };
      this.#pool.dispatch(options, handler);
    });
  }
}

function parseJson(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}
