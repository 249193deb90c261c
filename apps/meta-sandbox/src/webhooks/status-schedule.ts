/**
 * Plays out an accepted message as status webhooks: `sent` → `delivered` → `read` at the
 * scenario's delays (pricing and conversation on sent and delivered, never on read), a single `failed` with
 * Meta's `errors[]`, or nothing at all for a dropped message. Out-of-order messages post their
 * `sent` after their `delivered`, keeping each status's own timestamp.
 */
import { webhookError } from '../graph/whatsapp-errors';
import type { DeliveryPlan } from '../services/delivery-plan';
import type { Sandbox } from '../sandbox';
import type { PhoneNumber } from '../state/accounts';
import type { SendOutcome, SendRecord } from '../state/sends';
import { messagesValue } from './envelopes';
import { conversationObject, pmpKeepsConversation, pricingObject } from './pricing';

const RANK: Record<SendOutcome, number> = { accepted: 0, dropped: 0, sent: 1, delivered: 2, read: 3, failed: 4 };

export function scheduleStatuses(sb: Sandbox, phone: PhoneNumber, record: SendRecord, plan: DeliveryPlan): void {
  if (plan.kind === 'drop') {
    record.outcome = 'dropped';
    record.dropReason = plan.reason;
    return;
  }
  const { delays, outOfOrderRate, outOfOrderLagMs, pricingModel } = sb.scenario;
  const acceptedAt = record.acceptedAt;

  const emit = (status: SendOutcome, happenedAt: number, extra: Record<string, unknown> = {}) => {
    const item = {
      id: record.wamid,
      status,
      timestamp: String(Math.floor(happenedAt / 1000)),
      recipient_id: record.waId,
      ...(record.bizOpaqueCallbackData === null ? {} : { biz_opaque_callback_data: record.bizOpaqueCallbackData }),
      ...extra,
    };
    record.webhooks.push(status);
    if (RANK[status] > RANK[record.outcome]) record.outcome = status;
    if (status === 'failed') record.errorCode = (extra.errors as Array<{ code: number }>)[0]!.code;
    sb.emitter.emit({ wabaId: phone.wabaId, field: 'messages', kind: 'messages', value: messagesValue(phone, { statuses: [item] }), time: Math.floor(happenedAt / 1000) });
  };
  const at = (delay: number, fn: () => void) => sb.clock.setTimeout(fn, acceptedAt + delay - sb.clock.now());

  if (plan.kind === 'fail') {
    at(delays.sentMs, () => emit('failed', acceptedAt + delays.sentMs, { errors: [webhookError(plan.code)] }));
    return;
  }

  const pricing = pricingObject({ model: pricingModel, category: plan.category, inWindow: plan.inWindow });
  const conversation = conversationFor(sb, phone, record, plan.category);
  const sentAt = delays.sentMs;
  const deliveredAt = Math.max(delays.deliveredMs, sentAt);
  const readAt = delays.readMs === null ? null : Math.max(delays.readMs, deliveredAt);
  const outOfOrder = outOfOrderRate > 0 && sb.ids.random() < outOfOrderRate;

  const sentExtra = { ...(conversation ? { conversation: conversation(true) } : {}), pricing };
  const deliveredExtra = { ...(conversation ? { conversation: conversation(false) } : {}), pricing };
  at(outOfOrder ? deliveredAt + outOfOrderLagMs : sentAt, () => emit('sent', acceptedAt + sentAt, sentExtra));
  at(deliveredAt, () => emit('delivered', acceptedAt + deliveredAt, deliveredExtra));
  if (readAt !== null) at(readAt, () => emit('read', acceptedAt + readAt));
}

/** CBP: one conversation per (number, user, category) for 24 h; PMP: a per-message id up to v23.0, none after. */
function conversationFor(sb: Sandbox, phone: PhoneNumber, record: SendRecord, category: string) {
  const typed = category as Parameters<typeof conversationObject>[0]['category'];
  if (sb.scenario.pricingModel === 'CBP') {
    const open = sb.users.conversation(`${phone.id}:${record.waId}:${category}`, record.acceptedAt, () => sb.ids.hex32());
    const expiresAt = Math.floor(open.startedAt / 1000) + 24 * 60 * 60;
    return (withExpiry: boolean) => conversationObject({ id: open.id, category: typed, ...(withExpiry ? { expiresAt } : {}) });
  }
  if (!pmpKeepsConversation(record.apiVersion)) return null;
  const id = sb.ids.hex32();
  return () => conversationObject({ id, category: typed });
}
