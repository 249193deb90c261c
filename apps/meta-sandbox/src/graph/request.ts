/**
 * Per-request helpers for the Graph routes: the version segment, the caller, the node being
 * addressed, and the request's own URL (for paging links).
 */
import type { FastifyRequest } from 'fastify';
import type { Sandbox } from '../sandbox';
import { authenticate, authorize, type Caller } from './auth';
import { unknownObject, unknownPath } from './errors';

export type GraphRequest = FastifyRequest<{ Params: { version: string; id: string }; Querystring: Record<string, string | undefined> }>;

/** Any `vNN.N` is accepted (v23.0–v26.0 today); behaviour that depends on it reads the major. */
export function graphVersion(request: GraphRequest): string {
  const { version } = request.params;
  if (!/^v\d{1,2}\.\d$/.test(version)) throw unknownPath(request.url.split('?')[0] ?? request.url);
  return version;
}

export function callerOf(sb: Sandbox, request: GraphRequest): Caller {
  return authenticate(request, { tokens: sb.accounts.tokens, appId: sb.appId, appSecret: sb.appSecret, now: sb.clock.now() });
}

/** Version check, authentication, then the WABA the id names, with the management scope. */
export function wabaFor(sb: Sandbox, request: GraphRequest) {
  graphVersion(request);
  const caller = callerOf(sb, request);
  const waba = sb.accounts.wabas.get(request.params.id);
  if (!waba) throw unknownObject(request.params.id, request.method);
  authorize(caller, waba.id, 'whatsapp_business_management');
  return waba;
}

export function requestUrl(request: FastifyRequest): URL {
  return new URL(request.url, `${request.protocol}://${request.host}`);
}

export type { Caller };
