/**
 * WhatsApp error codes the sandbox produces, with Meta's titles and details. The same entry
 * serves a synchronous Graph error (`(#code) title` + error_data.details) and the `errors[]`
 * item of a `failed` status webhook (`{code, title, message, error_data:{details}, href}`).
 * @see https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes
 */
import { GraphError } from './errors';

interface Entry {
  title: string;
  status: number;
  details: string;
}

const CATALOG: Record<number, Entry> = {
  130429: { title: 'Rate limit hit', status: 400, details: 'Cloud API message throughput has been reached.' },
  131008: { title: 'Required parameter is missing', status: 400, details: 'A required parameter is missing.' },
  131009: { title: 'Parameter value is not valid', status: 400, details: 'One or more parameter values are invalid.' },
  131021: { title: 'Recipient cannot be sender', status: 400, details: 'Sender and recipient phone number is the same.' },
  131026: {
    title: 'Message undeliverable',
    status: 400,
    details: 'Unable to deliver message. Reasons can include: the recipient phone number is not a WhatsApp phone number; the recipient has not accepted the new Terms of Service; the recipient is using an old WhatsApp version.',
  },
  131047: {
    title: 'Re-engagement message',
    status: 400,
    details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
  },
  131049: {
    title: 'This message was not delivered to maintain healthy ecosystem engagement.',
    status: 400,
    details: 'In order to maintain a healthy ecosystem engagement, the message failed to be delivered.',
  },
  131050: {
    title: 'Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business.',
    status: 400,
    details: 'The user has stopped marketing messages from this business.',
  },
  131056: {
    title: '(Business Account, Consumer Account) pair rate limit hit',
    status: 400,
    details: 'Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.',
  },
  132000: { title: 'Number of parameters does not match the expected number of params', status: 400, details: '' },
  132001: { title: 'Template name does not exist in the translation', status: 404, details: '' },
  132005: { title: 'Translated text too long', status: 400, details: 'Translated text is too long.' },
  132012: { title: 'Parameter format does not match format in the created template', status: 400, details: '' },
  132015: { title: 'Template is Paused', status: 400, details: 'Template is paused due to low quality so it cannot be sent in a template message.' },
  132016: { title: 'Template is disabled', status: 400, details: 'Template has been paused too many times due to low quality and is now permanently disabled.' },
  133010: { title: 'Account not registered', status: 400, details: 'The phone number is not registered on the WhatsApp Business Platform.' },
};

const entry = (code: number): Entry => {
  const found = CATALOG[code];
  if (!found) throw new Error(`no catalog entry for WhatsApp error ${code}`);
  return found;
};

/** A synchronous error answer for `POST /{phone-number-id}/messages`. */
export function whatsappError(code: number, details?: string): GraphError {
  const { title, status, details: fallback } = entry(code);
  return new GraphError({ status, code, message: `(#${code}) ${title}`, details: details ?? fallback });
}

/** The `errors[]` item of a failed status webhook. */
export function webhookError(code: number) {
  const { title, details } = entry(code);
  return { code, title, message: title, error_data: { details }, href: '/documentation/business-messaging/whatsapp/support/error-codes' };
}

export type WebhookError = ReturnType<typeof webhookError>;
