/**
 * `GET /{version}/debug_token?input_token=` (also unversioned, as Graph allows). The caller
 * authenticates with a working token or the app token `APP_ID|APP_SECRET`; only the app token
 * can inspect an expired one, because an expired caller is refused with 190 first — as on Meta.
 * `granular_scopes[].target_ids` are the WABAs the token may manage, newest first.
 * @see https://developers.facebook.com/docs/graph-api/reference/debug_token
 */
import type { FastifyInstance } from 'fastify';
import { tokenProblem } from '../graph/auth';
import { invalidParameter } from '../graph/errors';
import { callerOf, graphVersion, type GraphRequest } from '../graph/request';
import type { Sandbox } from '../sandbox';

const seconds = (ms: number) => Math.floor(ms / 1000);

export function debugToken(sb: Sandbox, input: unknown) {
  if (typeof input !== 'string' || input === '') throw invalidParameter('The parameter input_token is required');
  const token = sb.accounts.tokens.get(input);
  if (!token) return { data: { error: { code: 190, message: 'Invalid OAuth access token.' }, is_valid: false, scopes: [] } };
  const problem = tokenProblem(token, sb.clock.now());
  const targets = [...token.wabaIds].reverse();
  return {
    data: {
      app_id: sb.appId,
      type: 'SYSTEM_USER',
      application: 'dbulk (sandbox)',
      data_access_expires_at: 0,
      ...(problem ? { error: { code: 190, message: problem.message, ...(problem.init.subcode ? { subcode: problem.init.subcode } : {}) } } : {}),
      expires_at: seconds(token.expiresAt),
      is_valid: problem === null,
      issued_at: seconds(token.issuedAt),
      scopes: token.scopes,
      granular_scopes: token.scopes
        .filter((scope) => scope !== 'business_management')
        .map((scope) => ({ scope, target_ids: targets })),
      user_id: token.userId,
    },
  };
}

export function debugTokenRoutes(app: FastifyInstance, sb: Sandbox): void {
  const handler = async (request: GraphRequest) => {
    if (request.params.version !== undefined) graphVersion(request);
    callerOf(sb, request);
    return debugToken(sb, request.query.input_token);
  };
  app.get('/:version/debug_token', handler);
  app.get('/debug_token', handler);
}
