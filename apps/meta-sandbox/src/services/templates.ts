/**
 * Template management as Meta enforces it: create (validated, PENDING, 100/h, 250 or 6,000 per
 * WABA, no duplicate name+language, 30-day block on a deleted approved name), edit (only
 * APPROVED/REJECTED/PAUSED; approved: category fixed, 1 edit/24 h and 10/30 days), delete.
 * @see https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/template-management
 */
import { GraphError, invalidParameter, templateError } from '../graph/errors';
import type { Sandbox } from '../sandbox';
import { HOUR_MS, type Template } from '../state/templates';
import { parseCategory, validateComponents, validateTemplate } from '../state/template-rules';
import { scheduleReview, statusUpdate } from './template-status';

const DAY_MS = 24 * HOUR_MS;
const EDITABLE = ['APPROVED', 'REJECTED', 'PAUSED'];

export function createTemplate(sb: Sandbox, wabaId: string, body: unknown) {
  const draft = validateTemplate(body);
  const now = sb.clock.now();
  if (sb.templates.creationsInLastHour(wabaId, now) >= sb.scenario.templateCreatesPerHour) {
    throw new GraphError({ status: 400, code: 80008, message: '(#80008) There have been too many calls to this WhatsApp Business account. Wait a bit and try again.' });
  }
  if (sb.templates.find(wabaId, draft.name, draft.language)) {
    throw templateError(2388024, 'Content in this language already exists', `There is already ${draft.language} content for ${draft.name}. Choose a different name or language.`);
  }
  if (sb.templates.isBlocked(wabaId, draft.name, draft.language, now)) {
    throw templateError(2388023, 'Message template language is being deleted', `${draft.language} content for ${draft.name} was deleted; the name can be reused 30 days after deletion.`);
  }
  const limit = sb.accounts.portfolioOf(wabaId).verified ? 6_000 : 250;
  if (sb.templates.ofWaba(wabaId).length >= limit) {
    throw templateError(2388019, 'Message template limit reached', `This WhatsApp Business Account already has ${limit} templates.`);
  }
  sb.templates.recordCreation(wabaId, now);
  const template: Template = {
    ...draft,
    id: sb.ids.numeric(16, '1'),
    wabaId,
    previousCategory: null,
    status: 'PENDING',
    rejectedReason: 'NONE',
    qualityScore: { score: 'UNKNOWN', date: Math.floor(now / 1000) },
    createdAt: now,
    approvedEdits: [],
    pauses: 0,
    revision: 0,
  };
  sb.templates.add(template);
  scheduleReview(sb, template);
  return { id: template.id, status: template.status, category: template.category };
}

export function editTemplate(sb: Sandbox, template: Template, body: unknown) {
  const input = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  if (input.category === undefined && input.components === undefined) throw invalidParameter('The parameter components is required.');
  if (!EDITABLE.includes(template.status)) {
    throw templateError(undefined, 'Template cannot be edited', `Only APPROVED, REJECTED or PAUSED templates can be edited; ${template.name} is ${template.status}.`);
  }
  const category = input.category === undefined ? template.category : parseCategory(input.category);
  const now = sb.clock.now();
  if (template.status === 'APPROVED') {
    if (category !== template.category) throw templateError(undefined, 'Category cannot be edited', 'The category of an approved template cannot be changed.');
    const lastDay = template.approvedEdits.filter((at) => at > now - DAY_MS).length;
    const lastMonth = template.approvedEdits.filter((at) => at > now - 30 * DAY_MS).length;
    if (lastDay >= 1 || lastMonth >= 10) {
      throw templateError(undefined, 'Edit limit reached', 'An approved template can be edited once per 24 hours and 10 times per 30 days.');
    }
    template.approvedEdits.push(now);
  }
  const components = input.components === undefined ? template.components : validateComponents(input.components, category, template.parameterFormat);
  Object.assign(template, { category, components, status: 'PENDING', rejectedReason: 'NONE', revision: template.revision + 1 });
  scheduleReview(sb, template);
  return { success: true };
}

export function deleteTemplates(sb: Sandbox, wabaId: string, query: Record<string, unknown>) {
  const name = query.name;
  if (typeof name !== 'string' || name === '') throw invalidParameter('The parameter name is required.');
  const matches = sb.templates
    .ofWaba(wabaId)
    .filter((template) => template.name === name && (query.hsm_id === undefined || template.id === String(query.hsm_id)));
  if (matches.length === 0) throw templateError(undefined, 'Message template not found', `No template named ${name}${query.hsm_id ? ` with id ${String(query.hsm_id)}` : ''} exists in this account.`);
  if (matches.some((template) => template.status === 'DISABLED')) {
    throw templateError(undefined, 'Template cannot be deleted', 'Disabled templates cannot be deleted.');
  }
  for (const template of matches) {
    sb.templates.remove(template, sb.clock.now());
    template.revision += 1;
    statusUpdate(sb, template, 'PENDING_DELETION', { reason: null });
  }
  return { success: true };
}

/** `POST /{template-id}/unpause`: templates paused by pacing must be unpaused by hand. */
export function unpauseTemplate(sb: Sandbox, template: Template) {
  if (template.status !== 'PAUSED') throw templateError(undefined, 'Template is not paused', `${template.name} is ${template.status}.`);
  template.status = 'APPROVED';
  template.revision += 1;
  statusUpdate(sb, template, 'APPROVED', { other_info: { title: 'UNPAUSE', description: 'Your WhatsApp message template has been unpaused.' } });
  return { success: true };
}

/** Every readable field of a template node. */
export function templateFields(template: Template): Record<string, unknown> {
  return {
    id: template.id,
    name: template.name,
    language: template.language,
    status: template.status,
    category: template.category,
    previous_category: template.previousCategory ?? undefined,
    parameter_format: template.parameterFormat,
    components: template.components,
    quality_score: template.qualityScore,
    rejected_reason: template.rejectedReason,
    sub_category: undefined,
    message_send_ttl_seconds: undefined,
  };
}
