/**
 * Graph authentication: a bearer token (or `access_token` in the query, which Graph also
 * accepts) looked up in the sandbox's token registry. Meta's answers: no token → code 200
 * (403); unknown, expired or invalidated token → 190 (401); a token without access to the
 * WABA or without the scope → 200 for management, 10 for messaging (403).
 */
import type { FastifyRequest } from 'fastify';
import type { AccessToken, Scope } from '../state/accounts';
import { GraphError } from './errors';

export type Caller = { kind: 'user'; token: AccessToken } | { kind: 'app'; appId: string };

export interface AuthContext {
  tokens: Map<string, AccessToken>;
  appId: string;
  appSecret: string;
  now: number;
}

export function bearerOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^(?:Bearer|OAuth)\s+(.+)$/i.exec(header.trim()) : null;
  if (match) return match[1];
  const query = request.query as Record<string, unknown>;
  return typeof query.access_token === 'string' && query.access_token !== '' ? query.access_token : undefined;
}

/** Why a token does not work right now, or null when it does (also used by debug_token). */
export function tokenProblem(token: AccessToken | undefined, now: number): GraphError | null {
  if (!token) return new GraphError({ status: 401, code: 190, message: 'Invalid OAuth access token - Cannot parse access token' });
  if (!token.valid) {
    return new GraphError({
      status: 401,
      code: 190,
      subcode: 460,
      message: 'Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.',
    });
  }
  if (token.expiresAt !== 0 && token.expiresAt <= now) {
    return new GraphError({
      status: 401,
      code: 190,
      subcode: 463,
      message: `Error validating access token: Session has expired on ${new Date(token.expiresAt).toUTCString()}. The current time is ${new Date(now).toUTCString()}.`,
    });
  }
  return null;
}

export function authenticate(request: FastifyRequest, context: AuthContext): Caller {
  const value = bearerOf(request);
  if (!value) {
    throw new GraphError({ status: 403, code: 200, message: '(#200) Permissions error: an access token is required to request this resource.' });
  }
  if (value === `${context.appId}|${context.appSecret}`) return { kind: 'app', appId: context.appId };
  const token = context.tokens.get(value);
  const problem = tokenProblem(token, context.now);
  if (problem) throw problem;
  return { kind: 'user', token: token! };
}

/** The caller may act on this WABA with this scope, or gets Meta's permission error. */
export function authorize(caller: Caller, wabaId: string, scope: Scope): void {
  const allowed = caller.kind === 'user' && caller.token.wabaIds.includes(wabaId) && caller.token.scopes.includes(scope);
  if (allowed) return;
  if (scope === 'whatsapp_business_messaging') {
    throw new GraphError({ status: 403, code: 10, message: '(#10) Application does not have permission for this action', details: `The access token has no ${scope} permission for this phone number's WhatsApp Business Account.` });
  }
  throw new GraphError({ status: 403, code: 200, message: `(#200) Permissions error: the access token has no ${scope} permission for WhatsApp Business Account ${wabaId}.` });
}
