/**
 * Appliers for template webhooks: status (with a version row and an audit row when the status
 * changes), category (completed changes only) and quality. A template id no tenant has is
 * recorded and ignored, with why.
 */
import type { EntityManager } from '@dbulk/db';
import { recordAudit } from '@dbulk/domain-platform';
import type { WebhookChange } from '@dbulk/meta';
import type { TenantProgress } from '@dbulk/domain-campaigns';
import { META_ACTOR, type ApplyResult } from './apply-account';
import { pauseCampaignsOfTemplate, pauseCodeOf, pauseReason } from './campaign-pause';
import { categoryOf, isStaleTemplateEvent, templateStatusEffect } from './template-events';
import { addTemplateVersion, findTemplatesByMetaId, updateTemplate } from './template.repository';

type Of<K extends WebhookChange['kind']> = Extract<WebhookChange, { kind: K }>;

const unknownTemplate = (id: string, tenantIds: string[]): ApplyResult => ({
  outcome: 'ignored',
  note: `no template with Meta id ${id} in tenant${tenantIds.length === 1 ? '' : 's'} ${tenantIds.join(', ')}`,
});

export async function applyTemplateStatus(em: EntityManager, change: Of<'template_status'>, tenantIds: string[], eventAt: Date): Promise<ApplyResult> {
  const templates = await findTemplatesByMetaId(em, change.templateId, tenantIds);
  if (templates.length === 0) return unknownTemplate(change.templateId, tenantIds);
  const effect = templateStatusEffect(change.value);
  const event = change.value.event;
  const notes: string[] = [];
  const paused: TenantProgress[] = [];
  for (const t of templates) {
    if (isStaleTemplateEvent(eventAt, t.statusChangedAt)) {
      notes.push(`stale for ${t.name}/${t.language}: ${event} from ${eventAt.toISOString()}, status changed at ${t.statusChangedAt!.toISOString()}`);
      continue;
    }
    const status = effect.status ?? t.status;
    const category = effect.category ?? t.category;
    const rejectionReason = status === 'REJECTED' ? effect.reason : status === 'APPROVED' ? null : undefined;
    await updateTemplate(em, t.id, {
      status,
      category,
      rejectionReason,
      ...(effect.status ? { statusChangedAt: eventAt } : {}),
    });
    await addTemplateVersion(em, { tenantId: t.tenantId, templateId: t.id, version: t.version, event, status, category, reason: effect.reason });
    if (status !== t.status) {
      await recordAudit(em, META_ACTOR, {
        tenantId: t.tenantId,
        action: `template.${status.toLowerCase()}`,
        targetType: 'template',
        targetId: t.id,
        changes: {
          before: { status: t.status, rejectionReason: t.rejectionReason },
          after: { status, rejectionReason: rejectionReason === undefined ? t.rejectionReason : rejectionReason, event, name: t.name, language: t.language },
        },
      });
      const code = pauseCodeOf(status);
      if (code) paused.push(...(await pauseCampaignsOfTemplate(em, t, code, pauseReason(code, t, effect.reason))));
    }
  }
  if (notes.length === templates.length) return { outcome: 'ignored', note: notes.join('; ') };
  return { outcome: 'applied', note: notes.length > 0 ? notes.join('; ') : effect.reason, paused };
}

export async function applyTemplateCategory(em: EntityManager, change: Of<'template_category'>, tenantIds: string[]): Promise<ApplyResult> {
  const { value } = change;
  if (change.phase === 'impending') {
    const at = value.category_update_timestamp === undefined ? 'soon' : `at ${new Date(value.category_update_timestamp * 1000).toISOString()}`;
    return { outcome: 'ignored', note: `impending: Meta will recategorise it as ${value.correct_category} ${at}; applied when the completed update arrives` };
  }
  const category = categoryOf(value.new_category);
  if (!category) return { outcome: 'ignored', note: `category ${value.new_category ?? '(missing)'} is not one dbulk knows` };
  const templates = await findTemplatesByMetaId(em, change.templateId, tenantIds);
  if (templates.length === 0) return unknownTemplate(change.templateId, tenantIds);
  const paused: TenantProgress[] = [];
  for (const t of templates) {
    if (t.category === category) continue;
    await updateTemplate(em, t.id, { category });
    const reason = `Meta recategorised ${t.category} → ${category}`;
    await addTemplateVersion(em, { tenantId: t.tenantId, templateId: t.id, version: t.version, event: 'CATEGORY_UPDATE', status: t.status, category, reason });
    await recordAudit(em, META_ACTOR, {
      tenantId: t.tenantId,
      action: 'template.recategorized',
      targetType: 'template',
      targetId: t.id,
      changes: { before: { category: t.category }, after: { category, name: t.name, language: t.language } },
    });
    paused.push(...(await pauseCampaignsOfTemplate(em, t, 'TEMPLATE_RECATEGORISED', pauseReason('TEMPLATE_RECATEGORISED', t, `${t.category} → ${category}`))));
  }
  return { outcome: 'applied', note: null, paused };
}

export async function applyTemplateQuality(em: EntityManager, change: Of<'template_quality'>, tenantIds: string[]): Promise<ApplyResult> {
  const templates = await findTemplatesByMetaId(em, change.templateId, tenantIds);
  if (templates.length === 0) return unknownTemplate(change.templateId, tenantIds);
  for (const t of templates) await updateTemplate(em, t.id, { qualityScore: change.value.new_quality_score });
  return { outcome: 'applied', note: null };
}
