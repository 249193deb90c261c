import { conflict, invalid, notFound } from '@dbulk/errors';

export const WhatsappErrors = {
  accountNotFound: (id: string) => notFound('WHATSAPP_ACCOUNT_NOT_FOUND', `WhatsApp account ${id} does not exist`),
  tokenInvalid: (why: string) => invalid('WHATSAPP_TOKEN_INVALID', `the access token is not usable: ${why}`, { details: { field: 'accessToken' } }),
  missingScopes: (scopes: string[]) =>
    invalid('WHATSAPP_TOKEN_SCOPES', `the access token lacks the permission(s) ${scopes.join(', ')}`, { details: { field: 'accessToken', scopes } }),
  wabaNotGranted: (wabaId: string) =>
    invalid('WHATSAPP_WABA_NOT_GRANTED', `the access token has no access to WhatsApp Business Account ${wabaId}`, { details: { field: 'wabaId' } }),
  numberNotInWaba: (phoneNumberId: string, wabaId: string) =>
    invalid('WHATSAPP_NUMBER_NOT_IN_WABA', `phone number ${phoneNumberId} does not belong to WhatsApp Business Account ${wabaId}`, {
      details: { field: 'phoneNumberId' },
    }),
  numberTaken: (phoneNumberId: string) =>
    conflict('WHATSAPP_NUMBER_TAKEN', `phone number ${phoneNumberId} is already connected to a dbulk tenant`, { details: { field: 'phoneNumberId' } }),
  notConnected: (id: string, status: string) => conflict('WHATSAPP_ACCOUNT_NOT_CONNECTED', `WhatsApp account ${id} is ${status}; reconnect it first`),
  sandboxUnavailable: () => conflict('SANDBOX_UNAVAILABLE', 'the Meta sandbox is not configured on this deployment (META_SANDBOX_URL)'),
};
