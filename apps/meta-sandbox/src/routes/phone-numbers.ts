/**
 * Phone number nodes: `GET /{version}/{phone-number-id}` (served by routes/nodes.ts through
 * `phoneFields`), `GET /{version}/{waba-id}/phone_numbers` and `POST /{phone-number-id}/register`. `messaging_limit_tier` exists
 * only up to v23.0; v24.0+ answers "nonexisting field" for it, as Meta does, and offers
 * `whatsapp_business_manager_messaging_limit` (the portfolio's limit).
 */
import type { FastifyInstance } from 'fastify';
import { authorize } from '../graph/auth';
import { invalidParameter, unknownObject } from '../graph/errors';
import { selectFields } from '../graph/fields';
import { paginate } from '../graph/paging';
import { callerOf, graphVersion, requestUrl, wabaFor, type GraphRequest } from '../graph/request';
import type { Sandbox } from '../sandbox';
import type { PhoneNumber } from '../state/accounts';
import { pmpKeepsConversation } from '../webhooks/pricing';

export const PHONE_DEFAULT_FIELDS = ['id', 'display_phone_number', 'verified_name', 'quality_rating'];
export const PHONE_NODE = 'WhatsAppBusinessPhoneNumber';

export function phoneFields(sb: Sandbox, phone: PhoneNumber, version: string): Record<string, unknown> {
  const tier = sb.scenario.messagingLimitTier ?? sb.accounts.portfolioOf(phone.wabaId).messagingLimitTier;
  const legacy = pmpKeepsConversation(version); // the same v23.0 boundary
  return {
    id: phone.id,
    display_phone_number: phone.displayPhoneNumber,
    verified_name: phone.verifiedName,
    quality_rating: phone.qualityRating,
    status: phone.status,
    name_status: phone.nameStatus,
    code_verification_status: 'VERIFIED',
    platform_type: 'CLOUD_API',
    account_mode: 'LIVE',
    is_official_business_account: false,
    throughput: { level: phone.throughputLevel },
    whatsapp_business_manager_messaging_limit: tier,
    ...(legacy ? { messaging_limit_tier: tier } : {}),
    health_status: { can_send_message: phone.status === 'CONNECTED' ? 'AVAILABLE' : 'BLOCKED', entities: [] },
  };
}

export function phoneNumberRoutes(app: FastifyInstance, sb: Sandbox): void {
  app.get('/:version/:id/phone_numbers', async (request: GraphRequest) => {
    const version = graphVersion(request);
    const waba = wabaFor(sb, request);
    return paginate(sb.accounts.phonesOf(waba.id), request.query, requestUrl(request), (phone) =>
      selectFields(phoneFields(sb, phone, version), request.query.fields, PHONE_DEFAULT_FIELDS, PHONE_NODE),
    );
  });

  /** Onboarding step 3: register the number for Cloud API with a 6-digit PIN. */
  app.post('/:version/:id/register', async (request: GraphRequest) => {
    graphVersion(request);
    const caller = callerOf(sb, request);
    const phone = sb.accounts.phones.get(request.params.id);
    if (!phone) throw unknownObject(request.params.id, 'POST');
    authorize(caller, phone.wabaId, 'whatsapp_business_management');
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (body.messaging_product !== 'whatsapp') throw invalidParameter('The parameter messaging_product is required.');
    if (typeof body.pin !== 'string' || !/^\d{6}$/.test(body.pin)) throw invalidParameter('Param pin must be a 6-digit string.');
    phone.status = 'CONNECTED';
    return { success: true };
  });
}
