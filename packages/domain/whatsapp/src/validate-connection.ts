/**
 * Checks a WABA id, phone number id and access token with Meta before anything is stored:
 * the token is valid, unexpired and carries the permissions dbulk needs (debug_token), it may
 * manage this WABA, the number belongs to the WABA, and the number's facts (quality, limits,
 * throughput, display number, verified name).
 * @see https://developers.facebook.com/docs/graph-api/reference/debug_token
 */
import { REQUIRED_TOKEN_SCOPES, isMetaApiError, throughputMpsOf, type GraphClient } from '@dbulk/meta';
import { WhatsappErrors } from './whatsapp.errors';

export interface ConnectionInput {
  wabaId: string;
  phoneNumberId: string;
  accessToken: string;
}

export interface ConnectionFacts {
  wabaId: string;
  phoneNumberId: string;
  wabaName: string | null;
  displayPhoneNumber: string | null;
  verifiedName: string | null;
  qualityRating: string | null;
  messagingLimitTier: string | null;
  throughputLevel: string | null;
  throughputMps: number;
  scopes: string[];
  tokenExpiresAt: Date | null;
  wabaTimezoneId: string | null;
  wabaCurrency: string | null;
}

/** Meta's own words for a token it refuses, without the token. */
function rethrowTokenProblem(err: unknown): never {
  if (isMetaApiError(err) && (err.metaCode === 190 || err.metaCode === 0 || err.errorClass === 'needs_human')) {
    throw WhatsappErrors.tokenInvalid(err.metaMessage ?? `Meta error ${err.metaCode}`);
  }
  throw err;
}

export async function validateConnection(graph: GraphClient, input: ConnectionInput, appToken?: string): Promise<ConnectionFacts> {
  const debug = await graph.debugToken(input.accessToken, appToken ?? input.accessToken).catch(rethrowTokenProblem);
  if (!debug.is_valid) throw WhatsappErrors.tokenInvalid(debug.error?.message ?? 'Meta says it is not valid');
  const expiresAt = debug.expires_at ? new Date(debug.expires_at * 1000) : null;
  if (expiresAt && expiresAt.getTime() <= Date.now()) throw WhatsappErrors.tokenInvalid(`it expired at ${expiresAt.toISOString()}`);
  const missing = REQUIRED_TOKEN_SCOPES.filter((scope) => !debug.scopes.includes(scope));
  if (missing.length) throw WhatsappErrors.missingScopes(missing);
  // Granular scopes name the WABAs that granted access; when present they must include this one.
  const management = debug.granular_scopes.find((g) => g.scope === 'whatsapp_business_management');
  if (management?.target_ids && !management.target_ids.includes(input.wabaId)) throw WhatsappErrors.wabaNotGranted(input.wabaId);

  const [waba, numbers] = await Promise.all([
    graph.getWaba(input.wabaId, input.accessToken).catch(rethrowTokenProblem),
    graph.listPhoneNumbers(input.wabaId, input.accessToken).catch(rethrowTokenProblem),
  ]);
  if (!numbers.data.some((n) => n.id === input.phoneNumberId)) throw WhatsappErrors.numberNotInWaba(input.phoneNumberId, input.wabaId);
  const phone = await graph.getPhoneNumber(input.phoneNumberId, input.accessToken).catch(rethrowTokenProblem);
  const tier = phone.whatsapp_business_manager_messaging_limit ?? waba.whatsapp_business_manager_messaging_limit ?? phone.messaging_limit_tier ?? null;
  return {
    wabaId: input.wabaId,
    phoneNumberId: input.phoneNumberId,
    wabaName: waba.name ?? null,
    displayPhoneNumber: phone.display_phone_number ?? null,
    verifiedName: phone.verified_name ?? null,
    qualityRating: phone.quality_rating ?? null,
    messagingLimitTier: tier,
    throughputLevel: phone.throughput?.level ?? null,
    throughputMps: throughputMpsOf(phone.throughput?.level),
    scopes: debug.scopes,
    tokenExpiresAt: expiresAt,
    wabaTimezoneId: waba.timezone_id === undefined ? null : String(waba.timezone_id),
    wabaCurrency: waba.currency ?? null,
  };
}
