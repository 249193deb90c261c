/**
 * Statuses and inbound messages → `message_events` rows. They are parked (`applied_at` null):
 * the campaign engine applies them to campaign messages by wamid, whatever order they came in.
 * @see /work/shared/meta/README.md §2.4, §2.5, §2.8
 */
import type { InboundMessage, MessageStatus, WebhookContact } from '@dbulk/meta';

export interface MessageEventRow {
  tenant_id: string | null;
  phone_number_id: string | null;
  wamid: string;
  kind: 'status' | 'inbound';
  status: string;
  wa_id: string | null;
  bsuid: string | null;
  /** ISO time of Meta's timestamp (Unix seconds as a string). */
  occurred_at: string;
  error_code: number | null;
  error_title: string | null;
  pricing: Record<string, unknown> | null;
  conversation: Record<string, unknown> | null;
  payload: Record<string, unknown>;
}

export const unixToIso = (seconds: string | number) => new Date(Number(seconds) * 1000).toISOString();

interface Where {
  tenantId: string | null;
  phoneNumberId: string | undefined;
}

export function statusRow(status: MessageStatus, where: Where): MessageEventRow {
  const error = status.errors?.[0];
  return {
    tenant_id: where.tenantId,
    phone_number_id: where.phoneNumberId ?? null,
    wamid: status.id,
    kind: 'status',
    status: status.status,
    wa_id: status.recipient_id ?? null,
    bsuid: status.recipient_user_id ?? null,
    occurred_at: unixToIso(status.timestamp),
    error_code: error?.code ?? null,
    error_title: error ? (error.title ?? error.message ?? null) : null,
    pricing: status.pricing ?? null,
    conversation: status.conversation ?? null,
    payload: status,
  };
}

export function inboundRow(message: InboundMessage, contact: WebhookContact | undefined, where: Where): MessageEventRow {
  const { kind: _kind, ...raw } = message;
  const error = message.errors?.[0];
  return {
    tenant_id: where.tenantId,
    phone_number_id: where.phoneNumberId ?? null,
    wamid: message.id,
    kind: 'inbound',
    status: message.type,
    wa_id: message.from ?? contact?.wa_id ?? null,
    bsuid: message.from_user_id ?? contact?.user_id ?? null,
    occurred_at: unixToIso(message.timestamp),
    error_code: error?.code ?? null,
    error_title: error ? (error.title ?? error.message ?? null) : null,
    pricing: null,
    conversation: null,
    payload: { message: raw, ...(contact ? { contact } : {}) },
  };
}
