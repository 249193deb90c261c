/**
 * `POST /{phone-number-id}/messages`: Meta's synchronous checks in Meta's order (number
 * registered, throughput, request shape, recipient, template and parameters, pair rate), then
 * "accepted" with a wamid; what happens next (sent/delivered/read, failed, or silently
 * dropped) is decided here and played out by webhooks.
 */
import { whatsappError } from '../graph/whatsapp-errors';
import type { Sandbox } from '../sandbox';
import type { PhoneNumber } from '../state/accounts';
import { parseRecipient } from '../state/recipients';
import type { SendRecord } from '../state/sends';
import { checkSendParameters } from '../state/template-params';
import type { Template } from '../state/templates';
import { scheduleStatuses } from '../webhooks/status-schedule';
import { decideDelivery } from './delivery-plan';
import { parseSendRequest } from './message-request';

function findTemplate(sb: Sandbox, wabaId: string, name: string, language: string): Template {
  const template = sb.templates.find(wabaId, name, language);
  if (template?.status === 'PAUSED') throw whatsappError(132015);
  if (template?.status === 'DISABLED') throw whatsappError(132016);
  if (!template || template.status !== 'APPROVED') throw whatsappError(132001, `template name (${name}) does not exist in ${language}`);
  return template;
}

export function sendMessage(sb: Sandbox, phone: PhoneNumber, body: unknown, apiVersion: string) {
  const now = sb.clock.now();
  const scenario = sb.scenario;
  if (phone.status !== 'CONNECTED') throw whatsappError(133010);
  if (!sb.rates.throughput(phone.id, scenario.throughputMps[phone.throughputLevel], now)) throw whatsappError(130429);
  const request = parseSendRequest(body);
  const recipient = parseRecipient(request.to);
  if (!recipient.ok) throw whatsappError(131009, recipient.details);
  if (recipient.digits === phone.displayPhoneNumber) throw whatsappError(131021);
  const template = request.template ? findTemplate(sb, phone.wabaId, request.template.name, request.template.language) : null;
  const text = template && request.template ? checkSendParameters(template, request.template.components) : request.text;
  if (scenario.pairLimit && !sb.rates.pair(phone.id, recipient.waId, scenario.pairLimit, now)) throw whatsappError(131056);

  const record: SendRecord = {
    wamid: sb.ids.wamid(recipient.waId),
    phoneNumberId: phone.id,
    wabaId: phone.wabaId,
    to: request.to,
    waId: recipient.waId,
    type: request.type,
    template: template ? { id: template.id, name: template.name, language: template.language, category: template.category } : null,
    text,
    bizOpaqueCallbackData: request.bizOpaqueCallbackData,
    apiVersion,
    acceptedAt: now,
    outcome: 'accepted',
    errorCode: null,
    dropReason: null,
    webhooks: [],
  };
  sb.sends.add(record);
  scheduleStatuses(sb, phone, record, decideDelivery(sb, phone, record, recipient.digits));
  return {
    messaging_product: 'whatsapp',
    contacts: [{ input: request.to, wa_id: recipient.waId }],
    messages: [{ id: record.wamid, ...(template ? { message_status: 'accepted' } : {}) }],
  };
}
