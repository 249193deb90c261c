/**
 * Template status changes and the webhooks they emit: the review after the approval delay,
 * and the changes the control API forces (pause with Meta's 3 h / 6 h auto-unpause and
 * disable on the third pause, reinstate, reject, appeal, recategorise).
 * @see https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/message_template_status_update
 */
import type { Sandbox } from '../sandbox';
import { HOUR_MS, type Template, type TemplateCategory, type TemplateStatus } from '../state/templates';
import { reviewTemplate } from '../state/template-review';

export function statusUpdate(sb: Sandbox, template: Template, event: string, extra: Record<string, unknown> = {}): void {
  const { reason = 'NONE', ...rest } = extra;
  sb.emitBusiness(template.wabaId, 'message_template_status_update', {
    event,
    message_template_id: Number(template.id),
    message_template_name: template.name,
    message_template_language: template.language,
    reason,
    message_template_category: template.category,
    ...rest,
  });
}

function recategorise(sb: Sandbox, template: Template, category: TemplateCategory): void {
  template.previousCategory = template.category;
  template.category = category;
  sb.emitBusiness(template.wabaId, 'template_category_update', {
    message_template_id: Number(template.id),
    message_template_name: template.name,
    message_template_language: template.language,
    previous_category: template.previousCategory,
    new_category: category,
  });
}

export function scheduleReview(sb: Sandbox, template: Template): void {
  const revision = template.revision;
  sb.clock.setTimeout(() => {
    if (template.revision !== revision || template.status !== 'PENDING' || !sb.templates.byId.has(template.id)) return;
    const outcome = reviewTemplate(template, sb.scenario);
    template.revision += 1;
    if (outcome.status === 'REJECTED') {
      template.status = 'REJECTED';
      template.rejectedReason = outcome.reason;
      statusUpdate(sb, template, 'REJECTED', { reason: outcome.reason, rejection_info: outcome.rejectionInfo });
      return;
    }
    template.status = 'APPROVED';
    template.rejectedReason = 'NONE';
    // Meta approves a UTILITY template with marketing content as MARKETING and says so.
    if (outcome.recategorisedFrom) recategorise(sb, template, outcome.category);
    statusUpdate(sb, template, 'APPROVED');
  }, sb.scenario.approvalDelayMs);
}

const PAUSE_HOURS = [3, 6];

export type ForcedStatus = 'APPROVED' | 'REJECTED' | 'PAUSED' | 'DISABLED' | 'REINSTATED' | 'IN_APPEAL' | 'FLAGGED';

export function forceStatus(sb: Sandbox, template: Template, status: ForcedStatus, reason?: string): void {
  template.revision += 1;
  const set = (next: TemplateStatus) => (template.status = next);
  if (status === 'PAUSED' && template.pauses < PAUSE_HOURS.length) {
    const hours = PAUSE_HOURS[template.pauses]!;
    template.pauses += 1;
    set('PAUSED');
    template.qualityScore = { score: 'RED', date: sb.nowSeconds() };
    const until = new Date(sb.clock.now() + hours * HOUR_MS).toISOString();
    const title = template.pauses === 1 ? 'FIRST_PAUSE' : 'SECOND_PAUSE';
    statusUpdate(sb, template, 'PAUSED', { other_info: { title, description: `Your WhatsApp message template has been paused for ${hours} hours until ${until} due to low quality.` } });
    const revision = template.revision;
    sb.clock.setTimeout(() => {
      if (template.revision !== revision || template.status !== 'PAUSED') return;
      set('APPROVED');
      template.qualityScore = { score: 'UNKNOWN', date: sb.nowSeconds() };
      statusUpdate(sb, template, 'APPROVED', { other_info: { title: 'UNPAUSE', description: `Your WhatsApp message template has been unpaused after ${hours} hours.` } });
    }, hours * HOUR_MS);
    return;
  }
  if (status === 'PAUSED' || status === 'DISABLED') {
    set('DISABLED');
    statusUpdate(sb, template, 'DISABLED', { disable_info: { disable_date: sb.nowSeconds() }, other_info: { title: 'DISABLED', description: 'Your WhatsApp message template has been disabled due to continued low quality.' } });
    return;
  }
  if (status === 'REJECTED') {
    set('REJECTED');
    template.rejectedReason = reason ?? 'ABUSIVE_CONTENT';
    statusUpdate(sb, template, 'REJECTED', { reason: template.rejectedReason });
    return;
  }
  if (status === 'APPROVED' || status === 'REINSTATED') set('APPROVED');
  if (status === 'IN_APPEAL') set('IN_APPEAL');
  statusUpdate(sb, template, status, reason ? { reason } : {});
}

/** Meta's recategorisation: 24 h notice (`impending`) or the completed change. */
export function changeCategory(sb: Sandbox, template: Template, category: TemplateCategory, impending: boolean): void {
  if (!impending) return recategorise(sb, template, category);
  sb.emitBusiness(template.wabaId, 'template_category_update', {
    message_template_id: Number(template.id),
    message_template_name: template.name,
    message_template_language: template.language,
    new_category: template.category,
    correct_category: category,
    category_update_timestamp: sb.nowSeconds() + 24 * 60 * 60,
  });
}
