/** Coded errors of billing; messages name the amounts so a tenant or admin sees why. */
import { AppError } from '@dbulk/errors';

export const BILLING_ERRORS = {
  CREDIT_INSUFFICIENT: 'CREDIT_INSUFFICIENT',
  CREDIT_EXHAUSTED: 'CREDIT_EXHAUSTED',
  RATE_CARD_INVALID: 'RATE_CARD_INVALID',
  RATE_CARD_NOT_FOUND: 'RATE_CARD_NOT_FOUND',
  RATE_CARD_NOT_STAGED: 'RATE_CARD_NOT_STAGED',
  TENANT_NOT_FOUND: 'BILLING_TENANT_NOT_FOUND',
} as const;

/** The stable code a campaign paused for lack of credit carries in `campaigns.status_code`. */
export const CREDIT_EXHAUSTED_CODE = 'CREDIT_EXHAUSTED';
export const CREDIT_EXHAUSTED_REASON =
  "paused: the tenant's credit is used up (credit limit + balance); an admin can raise the limit or add credit";

export function creditInsufficient(quote: string, available: string, campaignName: string): AppError {
  return new AppError(
    BILLING_ERRORS.CREDIT_INSUFFICIENT,
    'conflict',
    `campaign ${campaignName} cannot start: its quote of ${quote} USD exceeds the available credit of ${available} USD`,
    { details: { quote, available } },
  );
}

export function creditExhausted(available: string, campaignName: string): AppError {
  return new AppError(
    BILLING_ERRORS.CREDIT_EXHAUSTED,
    'conflict',
    `campaign ${campaignName} cannot resume: the tenant's credit is used up (available ${available} USD); an admin can raise the limit or add credit`,
    { details: { available } },
  );
}

export const rateCardNotFound = (id: string) =>
  new AppError(BILLING_ERRORS.RATE_CARD_NOT_FOUND, 'not_found', `rate card ${id} does not exist`);

export const tenantNotFound = (id: string) =>
  new AppError(BILLING_ERRORS.TENANT_NOT_FOUND, 'not_found', `tenant ${id} does not exist`);
