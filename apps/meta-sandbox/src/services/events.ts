/**
 * Things users and Meta do on their own, triggered through the control API: a user's message
 * (text, a typed STOP, a quick-reply tap — each opens a 24 h customer-service window), the
 * native marketing stop/resume (`user_preferences`), quality/throughput events and account updates.
 */
import type { Sandbox } from '../sandbox';
import type { PhoneNumber } from '../state/accounts';
import { waIdFor } from '../state/recipients';
import { TIER_LIMITS, type Tier } from '../state/scenario';
import { messagesValue } from '../webhooks/envelopes';

export interface InboundInput {
  from: string;
  name: string;
  type: 'text' | 'button' | 'interactive';
  text?: string;
  /** Button payload (defaults to the text) or interactive reply id. */
  payload?: string;
  /** The wamid of the business message being answered (required for button taps by Meta). */
  contextId?: string;
}

export function receiveInbound(sb: Sandbox, phone: PhoneNumber, input: InboundInput) {
  const waId = waIdFor(input.from.replace(/\D/g, ''));
  const id = sb.ids.wamid(waId);
  const timestamp = String(sb.nowSeconds());
  sb.users.recordInbound(phone.id, waId, sb.clock.now());
  const label = input.text ?? input.payload ?? '';
  const content =
    input.type === 'text'
      ? { text: { body: label } }
      : input.type === 'button'
        ? { button: { payload: input.payload ?? label, text: label } }
        : { interactive: { type: 'button_reply', button_reply: { id: input.payload ?? label, title: label } } };
  const message = {
    ...(input.contextId ? { context: { from: phone.displayPhoneNumber, id: input.contextId } } : {}),
    from: waId,
    id,
    timestamp,
    type: input.type,
    ...content,
  };
  sb.emitter.emit({
    wabaId: phone.wabaId,
    field: 'messages',
    kind: 'messages',
    value: messagesValue(phone, { contacts: [{ profile: { name: input.name }, wa_id: waId }], messages: [message] }),
    time: sb.nowSeconds(),
  });
  return { id, wa_id: waId };
}

export function userPreference(sb: Sandbox, phone: PhoneNumber, from: string, value: 'stop' | 'resume', name: string) {
  const waId = waIdFor(from.replace(/\D/g, ''));
  sb.users.setMarketingStop(phone.wabaId, waId, value === 'stop');
  const detail = value === 'stop' ? 'User requested to stop marketing messages' : 'User requested to resume marketing messages';
  sb.emitter.emit({
    wabaId: phone.wabaId,
    field: 'user_preferences',
    kind: 'messages',
    value: messagesValue(phone, {
      contacts: [{ profile: { name }, wa_id: waId }],
      user_preferences: [{ wa_id: waId, detail, category: 'marketing_messages', value, timestamp: sb.nowSeconds() }],
    }),
    time: sb.nowSeconds(),
  });
  return { wa_id: waId, value };
}

export interface QualityInput {
  event: string;
  qualityRating?: PhoneNumber['qualityRating'];
  oldLimit?: string;
  currentLimit?: string;
  maxDailyConversationsPerBusiness?: string;
}

/** Applies the event to the number (and portfolio tier) first, so reads after the webhook agree with it. */
export function qualityUpdate(sb: Sandbox, phone: PhoneNumber, input: QualityInput) {
  if (input.qualityRating) phone.qualityRating = input.qualityRating;
  if (input.event === 'THROUGHPUT_UPGRADE') phone.throughputLevel = 'HIGH';
  const tier = input.maxDailyConversationsPerBusiness ?? input.currentLimit;
  if (tier && tier in TIER_LIMITS) sb.accounts.portfolioOf(phone.wabaId).messagingLimitTier = tier as Tier;
  sb.emitBusiness(phone.wabaId, 'phone_number_quality_update', {
    display_phone_number: phone.displayPhoneNumber,
    event: input.event,
    ...(input.oldLimit ? { old_limit: input.oldLimit } : {}),
    ...(input.currentLimit ? { current_limit: input.currentLimit } : {}),
    ...(input.maxDailyConversationsPerBusiness ? { max_daily_conversations_per_business: input.maxDailyConversationsPerBusiness } : {}),
  });
}

/** PARTNER_APP_UNINSTALLED also revokes the app's access to the WABA, after the webhook is on its way. */
export function accountUpdate(sb: Sandbox, wabaId: string, value: Record<string, unknown>) {
  sb.emitBusiness(wabaId, 'account_update', value);
  if (value.event === 'PARTNER_APP_UNINSTALLED') {
    sb.accounts.revokeWaba(wabaId);
    const waba = sb.accounts.wabas.get(wabaId);
    if (waba) waba.subscribed = false;
  }
}
