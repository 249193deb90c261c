/**
 * A submitted template's later life: refresh reads Meta's status, category, quality and
 * rejection reason; delete removes this language at Meta (by hsm_id) and keeps the row, as
 * DELETED, with its history. Status webhooks are the processor's job, not this file's.
 * @see https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/template-management
 */
import type { EntityManager } from '@dbulk/db';
import { recordAudit } from '@dbulk/domain-platform';
import type { TenantActor } from '@dbulk/domain-tenancy';
import { isMetaApiError } from '@dbulk/meta';
import { rethrowTemplateMetaError } from './meta-errors';
import { credentialsFor, type TemplateDeps } from './template-credentials';
import { isOneOf, metaCategory, metaReason, metaStatus, UNDELETABLE } from './template-status';
import type { TemplateDetailDto } from './templates.dto';
import { TemplateErrors } from './templates.errors';
import { addVersion, EVENTS, lockTemplate, NAME_BLOCK_MS, ownTemplate } from './templates.repository';
import { templateDetail } from './templates.service';

/** Reads status, category, quality and rejection reason from Meta. */
export async function refreshTemplate(
  em: EntityManager,
  deps: TemplateDeps,
  actor: TenantActor,
  id: string,
): Promise<TemplateDetailDto> {
  const row = await ownTemplate(em, actor.tenantId, id);
  if (!row.metaTemplateId) throw TemplateErrors.notSubmitted(row.name);
  if (row.status === 'DELETED')
    throw TemplateErrors.wrongStatus(row.name, row.status, 'refreshing', ['not DELETED']);
  const { token } = await credentialsFor(em, deps.keyring, row);
  const meta = await deps.graph.getTemplate(row.metaTemplateId, token).catch((err) => {
    // 100/33: the object does not exist (deleted in WhatsApp Manager).
    if (isMetaApiError(err) && err.metaCode === 100 && err.subcode === 33) return null;
    return rethrowTemplateMetaError(err, 'read', row.name);
  });
  const saved = await em.transactional(async (tx) => {
    const template = await lockTemplate(tx, actor.tenantId, id);
    const before = {
      status: template.status,
      category: template.category,
      qualityScore: template.qualityScore ?? null,
      rejectionReason: template.rejectionReason ?? null,
    };
    const status = meta ? (metaStatus(meta.status) ?? template.status) : 'DELETED';
    const after = {
      status,
      category: metaCategory(meta?.category) ?? template.category,
      qualityScore: meta?.quality_score?.score ?? before.qualityScore,
      rejectionReason:
        status === 'REJECTED' ? (metaReason(meta?.rejected_reason) ?? before.rejectionReason) : null,
    };
    const changed = (Object.keys(after) as (keyof typeof after)[]).some((key) => after[key] !== before[key]);
    tx.assign(template, {
      ...after,
      lastSyncedAt: new Date(),
      ...(after.status === before.status ? {} : { statusChangedAt: new Date() }),
    });
    // History records status and category changes; a quality change is audited only.
    if (after.status !== before.status || after.category !== before.category) {
      addVersion(tx, template, EVENTS.statusChanged, actor, {
        reason: meta ? after.rejectionReason : 'no longer exists at Meta',
      });
    }
    if (changed)
      await recordAudit(tx, actor, {
        tenantId: actor.tenantId,
        action: 'template.refreshed',
        targetType: 'template',
        targetId: id,
        changes: { before, after },
      });
    await tx.flush();
    return template;
  });
  return templateDetail(em, saved);
}

/** Deletes this language at Meta (by hsm_id) and keeps the row, as DELETED, with its history. */
export async function deleteTemplate(
  em: EntityManager,
  deps: TemplateDeps,
  actor: TenantActor,
  id: string,
): Promise<TemplateDetailDto> {
  const row = await ownTemplate(em, actor.tenantId, id);
  if (row.status === 'DISABLED') throw TemplateErrors.disabled(row.name);
  if (isOneOf(row.status, UNDELETABLE))
    throw TemplateErrors.wrongStatus(row.name, row.status, 'deleting', ['not deleted yet']);
  if (row.metaTemplateId) {
    const { token } = await credentialsFor(em, deps.keyring, row);
    await deps.graph
      .deleteTemplate(row.wabaId, token, { name: row.name, hsmId: row.metaTemplateId })
      .catch((err) => {
        // Already gone at Meta (deleted in WhatsApp Manager): deleting here too is what was asked.
        if (isMetaApiError(err) && /not found|does not exist/i.test(`${err.title} ${err.errorDetails}`))
          return;
        rethrowTemplateMetaError(err, 'delete', row.name);
      });
  }
  const saved = await em.transactional(async (tx) => {
    const template = await lockTemplate(tx, actor.tenantId, id);
    const before = template.status;
    const wasApproved = before === 'APPROVED';
    tx.assign(template, { status: 'DELETED', statusChangedAt: new Date() });
    const until = new Date(Date.now() + NAME_BLOCK_MS).toISOString().slice(0, 10);
    const reason = wasApproved
      ? `deleted while APPROVED: Meta blocks the name ${template.name} (${template.language}) until ${until}`
      : `deleted while ${before}`;
    addVersion(tx, template, wasApproved ? EVENTS.deletedApproved : EVENTS.deleted, actor, { reason });
    await tx.flush();
    await recordAudit(tx, actor, {
      tenantId: actor.tenantId,
      action: 'template.deleted',
      targetType: 'template',
      targetId: id,
      changes: { before: { status: before }, after: { status: 'DELETED' } },
    });
    return template;
  });
  return templateDetail(em, saved);
}
