/**
 * Control API for things that happen to templates, users and accounts: force a template's
 * status or category, a user's message or marketing stop/resume, quality and account events.
 * Each emits the webhook Meta would send.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Sandbox } from '../sandbox';
import { accountUpdate, qualityUpdate, receiveInbound, userPreference } from '../services/events';
import { changeCategory, forceStatus } from '../services/template-status';
import { TEMPLATE_REASONS } from '../state/scenario';
import { ControlError, parseInput, phoneOrDefault } from './control-input';

const phoneId = z.string().optional();
const user = z.string().regex(/^\+?\d{8,15}$/, 'must be a phone number');

const Inbound = z.object({
  phone_number_id: phoneId,
  from: user,
  name: z.string().default('Sandbox User'),
  type: z.enum(['text', 'button', 'interactive']).default('text'),
  text: z.string().optional(),
  payload: z.string().optional(),
  context_id: z.string().optional(),
});

export function controlEventRoutes(app: FastifyInstance, sb: Sandbox, defaultPhoneNumberId: string): void {
  const template = (id: string) => {
    const found = sb.templates.byId.get(id);
    if (!found) throw new ControlError(404, `template ${id} does not exist in the sandbox`);
    return found;
  };

  app.post('/_sandbox/templates/:id/status', async (request) => {
    const found = template((request.params as { id: string }).id);
    const input = parseInput(
      z.object({ status: z.enum(['APPROVED', 'REJECTED', 'PAUSED', 'DISABLED', 'REINSTATED', 'IN_APPEAL', 'FLAGGED']), reason: z.enum(TEMPLATE_REASONS).optional() }),
      request.body,
    );
    forceStatus(sb, found, input.status, input.reason);
    return { id: found.id, status: found.status, category: found.category };
  });

  app.post('/_sandbox/templates/:id/category', async (request) => {
    const found = template((request.params as { id: string }).id);
    const input = parseInput(z.object({ category: z.enum(['MARKETING', 'UTILITY', 'AUTHENTICATION']), impending: z.boolean().default(false) }), request.body);
    changeCategory(sb, found, input.category, input.impending);
    return { id: found.id, status: found.status, category: found.category };
  });

  app.post('/_sandbox/inbound', async (request) => {
    const input = parseInput(Inbound, request.body);
    if (input.type === 'text' && input.text === undefined) throw new ControlError(400, 'a text message needs "text"');
    const phone = phoneOrDefault(sb, input.phone_number_id, defaultPhoneNumberId);
    return receiveInbound(sb, phone, { from: input.from, name: input.name, type: input.type, text: input.text, payload: input.payload, contextId: input.context_id });
  });

  app.post('/_sandbox/user-preferences', async (request) => {
    const input = parseInput(z.object({ phone_number_id: phoneId, from: user, value: z.enum(['stop', 'resume']), name: z.string().default('Sandbox User') }), request.body);
    return userPreference(sb, phoneOrDefault(sb, input.phone_number_id, defaultPhoneNumberId), input.from, input.value, input.name);
  });

  app.post('/_sandbox/events/quality', async (request) => {
    const input = parseInput(
      z.object({
        phone_number_id: phoneId,
        event: z.string().min(1),
        quality_rating: z.enum(['GREEN', 'YELLOW', 'RED', 'NA']).optional(),
        old_limit: z.string().optional(),
        current_limit: z.string().optional(),
        max_daily_conversations_per_business: z.string().optional(),
      }),
      request.body,
    );
    const phone = phoneOrDefault(sb, input.phone_number_id, defaultPhoneNumberId);
    qualityUpdate(sb, phone, {
      event: input.event,
      qualityRating: input.quality_rating,
      oldLimit: input.old_limit,
      currentLimit: input.current_limit,
      maxDailyConversationsPerBusiness: input.max_daily_conversations_per_business,
    });
    return { phone_number_id: phone.id, quality_rating: phone.qualityRating, throughput_level: phone.throughputLevel };
  });

  app.post('/_sandbox/events/account-update', async (request) => {
    const input = parseInput(z.object({ waba_id: z.string().optional(), event: z.string().min(1) }).loose(), request.body);
    const { waba_id: wabaId, ...value } = input;
    const target = wabaId ?? phoneOrDefault(sb, undefined, defaultPhoneNumberId).wabaId;
    if (!sb.accounts.wabas.has(target)) throw new ControlError(404, `WABA ${target} does not exist in the sandbox`);
    accountUpdate(sb, target, value);
    return { waba_id: target, event: input.event };
  });
}
