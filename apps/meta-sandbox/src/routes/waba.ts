/**
 * WABA node fields (for routes/nodes.ts) and `GET|POST|DELETE /{version}/{waba-id}/subscribed_apps`.
 * Setting `override_callback_uri` makes the sandbox run Meta's verification handshake against it
 * first (GET with hub.mode/hub.challenge/hub.verify_token; the body must echo the challenge).
 * @see https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/override
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { request as httpRequest } from 'undici';
import { GraphError, invalidParameter } from '../graph/errors';
import { wabaFor, type GraphRequest } from '../graph/request';
import type { Sandbox } from '../sandbox';
import type { Waba } from '../state/accounts';

export const WABA_DEFAULT_FIELDS = ['id', 'name', 'currency', 'timezone_id', 'message_template_namespace'];
export const WABA_NODE = 'WhatsAppBusinessAccount';

export function wabaFields(sb: Sandbox, waba: Waba): Record<string, unknown> {
  const portfolio = sb.accounts.portfolios.get(waba.businessId);
  return {
    id: waba.id,
    name: waba.name,
    currency: waba.currency,
    timezone_id: waba.timezoneId,
    message_template_namespace: waba.namespace,
    account_review_status: 'APPROVED',
    business_verification_status: portfolio?.verified ? 'verified' : 'not_verified',
    whatsapp_business_manager_messaging_limit: sb.scenario.messagingLimitTier ?? portfolio?.messagingLimitTier,
    owner_business_info: { id: waba.businessId, name: `${waba.name} (portfolio)` },
  };
}

async function verifyCallback(uri: string, verifyToken: string): Promise<void> {
  const challenge = randomBytes(6).toString('hex');
  const url = new URL(uri);
  url.searchParams.set('hub.mode', 'subscribe');
  url.searchParams.set('hub.challenge', challenge);
  url.searchParams.set('hub.verify_token', verifyToken);
  const failed = (why: string) => new GraphError({ status: 400, code: 2200, message: `(#2200) Callback verification failed with the following errors: ${why}` });
  let response;
  try {
    response = await httpRequest(url, { method: 'GET', headersTimeout: 5_000, bodyTimeout: 5_000 });
  } catch (err) {
    throw failed(`curl_errno = ${err instanceof Error ? err.message : String(err)}`);
  }
  const body = await response.body.text();
  if (response.statusCode !== 200) throw failed(`HTTP Status Code = ${response.statusCode}`);
  if (body.trim() !== challenge) throw failed('The URL couldn\'t be validated. Callback verification failed: the response did not match the challenge parameter.');
}

export function wabaRoutes(app: FastifyInstance, sb: Sandbox): void {
  app.get('/:version/:id/subscribed_apps', async (request: GraphRequest) => {
    const waba = wabaFor(sb, request);
    if (!waba.subscribed) return { data: [] };
    const application = { id: sb.appId, link: `https://www.facebook.com/games/?app_id=${sb.appId}`, name: 'dbulk (sandbox)' };
    return { data: [{ whatsapp_business_api_data: application, ...(waba.overrideCallbackUri ? { override_callback_uri: waba.overrideCallbackUri } : {}) }] };
  });

  app.post('/:version/:id/subscribed_apps', async (request: GraphRequest) => {
    const waba = wabaFor(sb, request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const override = body.override_callback_uri;
    if (override !== undefined) {
      if (typeof override !== 'string' || override.length > 200 || !/^https?:\/\//.test(override)) {
        throw invalidParameter('Param override_callback_uri must be a URL of at most 200 characters.');
      }
      if (typeof body.verify_token !== 'string' || body.verify_token === '') throw invalidParameter('The parameter verify_token is required.');
      await verifyCallback(override, body.verify_token);
    }
    waba.subscribed = true;
    waba.overrideCallbackUri = typeof override === 'string' ? override : null;
    return { success: true };
  });

  app.delete('/:version/:id/subscribed_apps', async (request: GraphRequest) => {
    const waba = wabaFor(sb, request);
    waba.subscribed = false;
    waba.overrideCallbackUri = null;
    return { success: true };
  });
}
