/**
 * Creates a business portfolio + WABA + phone number + access token, reusing any that already
 * exist (a second number on a WABA, a second WABA in a portfolio, one token for several WABAs).
 * Like Meta's test numbers, every WABA starts with the approved `hello_world` template.
 */
import type { Sandbox } from '../sandbox';
import { SCOPES, type PhoneNumber, type Scope } from '../state/accounts';
import type { ThroughputLevel, Tier } from '../state/scenario';
import { helloWorld } from './hello-world';

export interface AccountInput {
  businessId?: string;
  wabaId?: string;
  wabaName?: string;
  phoneNumberId?: string;
  displayPhoneNumber?: string;
  verifiedName?: string;
  token?: string;
  scopes?: Scope[];
  /** Seconds from now; 0 or absent = never expires (a system-user token). */
  tokenExpiresInSeconds?: number;
  messagingLimitTier?: Tier;
  throughputLevel?: ThroughputLevel;
  qualityRating?: PhoneNumber['qualityRating'];
  subscribed?: boolean;
}

/** The start-up account: every id fixed by env so dev tools can hard-code them. */
export type AccountDefaults = Required<Pick<AccountInput, 'businessId' | 'wabaId' | 'phoneNumberId' | 'displayPhoneNumber' | 'verifiedName' | 'token'>> & AccountInput;

export class AccountConflict extends Error {}

export function createAccount(sb: Sandbox, input: AccountInput) {
  const { accounts, ids } = sb;
  const now = sb.clock.now();
  const existingWaba = input.wabaId ? accounts.wabas.get(input.wabaId) : undefined;
  const businessId = existingWaba?.businessId ?? input.businessId ?? ids.numeric(15);
  if (existingWaba && input.businessId && input.businessId !== existingWaba.businessId) {
    throw new AccountConflict(`WABA ${existingWaba.id} belongs to portfolio ${existingWaba.businessId}, not ${input.businessId}`);
  }
  const phoneNumberId = input.phoneNumberId ?? ids.numeric(15);
  if (accounts.has(phoneNumberId)) throw new AccountConflict(`id ${phoneNumberId} is already in use`);
  if (!accounts.portfolios.has(businessId)) {
    accounts.portfolios.set(businessId, { id: businessId, messagingLimitTier: input.messagingLimitTier ?? 'TIER_250', verified: false });
  }
  const wabaId = existingWaba?.id ?? input.wabaId ?? ids.numeric(15);
  if (!existingWaba) {
    accounts.wabas.set(wabaId, {
      id: wabaId,
      businessId,
      name: input.wabaName ?? `${input.verifiedName ?? 'Sandbox'} WABA`,
      currency: 'USD',
      timezoneId: '1',
      namespace: ids.hex32(),
      subscribed: input.subscribed ?? true,
      overrideCallbackUri: null,
    });
  }
  const display = input.displayPhoneNumber ?? `1555${ids.numeric(7)}`;
  accounts.phones.set(phoneNumberId, {
    id: phoneNumberId,
    wabaId,
    displayPhoneNumber: display.replace(/\D/g, ''),
    verifiedName: input.verifiedName ?? 'Sandbox Business',
    qualityRating: input.qualityRating ?? 'GREEN',
    status: 'CONNECTED',
    nameStatus: 'APPROVED',
    throughputLevel: input.throughputLevel ?? 'STANDARD',
  });
  const tokenValue = input.token ?? `EAAsandbox${ids.hex32()}`;
  const existingToken = accounts.tokens.get(tokenValue);
  if (existingToken) {
    if (!existingToken.wabaIds.includes(wabaId)) existingToken.wabaIds.push(wabaId);
  } else {
    const expiresIn = input.tokenExpiresInSeconds ?? 0;
    accounts.addToken({
      token: tokenValue,
      userId: ids.numeric(15),
      wabaIds: [wabaId],
      scopes: input.scopes ?? [...SCOPES],
      issuedAt: now,
      expiresAt: expiresIn > 0 ? now + expiresIn * 1000 : 0,
      valid: true,
    });
  }
  if (!sb.templates.find(wabaId, 'hello_world', 'en_US')) sb.templates.add(helloWorld(ids.numeric(16, '1'), wabaId, now));
  return { business_id: businessId, waba_id: wabaId, phone_number_id: phoneNumberId, display_phone_number: display.replace(/\D/g, ''), access_token: tokenValue };
}
