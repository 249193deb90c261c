/**
 * How one change is written to `webhook_events` and read back: a short `kind` label, and a
 * payload holding the change's value narrowed to that one change (one status, one message…),
 * so an operator can read it and `replay-unroutable` can rebuild a one-change webhook body
 * that parses back to the same change and the same dedupe key (change-record.test.ts).
 */
import type { WebhookChange } from '@dbulk/meta';

export interface StoredChangePayload {
  field: string;
  /** entry[].time, when Meta sent one (template and account fields). */
  entryTime?: number;
  /** `value` of a webhook change that holds only this change. */
  value: unknown;
  /** Why an `invalid` change failed its schema. */
  issues?: string[];
}

const clip = (text: string, max = 64) => (text.length <= max ? text : text.slice(0, max));

/** e.g. `status.delivered`, `inbound.text`, `template_status.APPROVED`, `account.PARTNER_APP_UNINSTALLED`. */
export function kindLabel(change: WebhookChange): string {
  switch (change.kind) {
    case 'status':
      return clip(`status.${change.status.status}`);
    case 'inbound':
      return clip(`inbound.${change.message.type}`);
    case 'system_error':
      return clip(`system_error.${change.error.code}`);
    case 'template_status':
    case 'phone_quality':
    case 'account':
      return clip(`${change.kind}.${change.value.event}`);
    case 'template_category':
      return clip(`template_category.${change.phase}`);
    case 'template_quality':
      return clip(`template_quality.${change.value.new_quality_score}`);
    case 'user_preference':
      return clip(`user_preference.${change.preference.value}`);
    case 'capability':
    case 'unknown':
    case 'invalid':
      return change.kind;
  }
}

function metadataOf(change: WebhookChange) {
  return { display_phone_number: change.displayPhoneNumber, phone_number_id: change.phoneNumberId };
}

/** The one-change `value`; undefined fields vanish when it is serialised. */
export function narrowedValue(change: WebhookChange): unknown {
  const items = (key: string, item: unknown, contact?: unknown) => ({
    messaging_product: 'whatsapp',
    metadata: metadataOf(change),
    ...(contact === undefined ? {} : { contacts: [contact] }),
    [key]: [item],
  });
  switch (change.kind) {
    case 'status':
      return items('statuses', change.status);
    case 'inbound': {
      // `kind` is the parser's own tag, not Meta's.
      const { kind: _kind, ...message } = change.message;
      return items('messages', message, change.contact);
    }
    case 'system_error':
      return items('errors', change.error);
    case 'user_preference':
      return items('user_preferences', change.preference, change.contact);
    default:
      return change.value;
  }
}

export function storedPayload(change: WebhookChange): StoredChangePayload {
  return {
    field: change.field,
    ...(change.entryTime === undefined ? {} : { entryTime: change.entryTime }),
    value: narrowedValue(change),
    ...(change.kind === 'invalid' ? { issues: change.issues } : {}),
  };
}

/** A webhook body holding only the stored change, as Meta would have sent it alone. */
export function envelopeOf(wabaId: string, payload: StoredChangePayload): string {
  const entry = {
    id: wabaId,
    ...(payload.entryTime === undefined ? {} : { time: payload.entryTime }),
    changes: [{ field: payload.field, value: payload.value }],
  };
  return JSON.stringify({ object: 'whatsapp_business_account', entry: [entry] });
}
