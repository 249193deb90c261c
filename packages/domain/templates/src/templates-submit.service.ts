/**
 * Sending templates to Meta: submit a draft (create) and edit & resubmit (APPROVED, REJECTED,
 * PAUSED). The rules run first, so a template Meta would refuse never leaves; Meta is called
 * outside any database transaction (a slow Graph call never holds a row lock); its answer is
 * written under a row lock with a version row and the audit entry in one transaction.
 * @see https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/template-management
 */
import type { EntityManager, TemplateCategory } from '@dbulk/db';
import { recordAudit } from '@dbulk/domain-platform';
import type { TenantActor } from '@dbulk/domain-tenancy';
import { toMetaComponents } from './meta-components';
import { rethrowTemplateMetaError } from './meta-errors';
import { assertValid, credentialsFor, type TemplateDeps } from './template-credentials';
import { isOneOf, META_EDITABLE, metaCategory, metaStatus, RESUBMITTABLE } from './template-status';
import type { TemplateComponents, TemplateContent } from './template.types';
import { contentOf, type TemplateDetailDto } from './templates.dto';
import { TemplateErrors } from './templates.errors';
import {
  addVersion,
  approvedEditBlock,
  EVENTS,
  lockTemplate,
  ownTemplate,
  versionsOf,
} from './templates.repository';
import { templateDetail } from './templates.service';

/** DRAFT → created at Meta; REJECTED or PAUSED → resubmitted with the saved content. */
export async function submitTemplate(
  em: EntityManager,
  deps: TemplateDeps,
  actor: TenantActor,
  id: string,
): Promise<TemplateDetailDto> {
  const row = await ownTemplate(em, actor.tenantId, id);
  if (!isOneOf(row.status, RESUBMITTABLE))
    throw TemplateErrors.wrongStatus(row.name, row.status, 'submitting', RESUBMITTABLE);
  if (row.status !== 'DRAFT') {
    const { components, category } = contentOf(row);
    return editTemplate(em, deps, actor, id, { components, category });
  }
  const content = contentOf(row);
  assertValid(content);
  const { token } = await credentialsFor(em, deps.keyring, row);
  const components = toMetaComponents(content);
  const created = await deps.graph
    .createTemplate(row.wabaId, token, {
      name: row.name,
      language: row.language,
      category: row.category,
      parameter_format: row.parameterFormat,
      components,
    })
    .catch((err) => rethrowTemplateMetaError(err, 'create', row.name));
  const saved = await em.transactional(async (tx) => {
    const template = await lockTemplate(tx, actor.tenantId, id);
    const category = metaCategory(created.category) ?? content.category;
    tx.assign(template, {
      metaTemplateId: created.id,
      status: metaStatus(created.status) ?? 'PENDING',
      requestedCategory: content.category,
      category,
      components: components as Record<string, unknown>[],
      rejectionReason: null,
      submittedAt: new Date(),
      statusChangedAt: new Date(),
      lastSyncedAt: new Date(),
    });
    const recategorised =
      category === content.category ? null : `Meta assigned ${category} (requested ${content.category})`;
    addVersion(tx, template, EVENTS.submitted, actor, { reason: recategorised, withComponents: true });
    await tx.flush();
    await recordAudit(tx, actor, {
      tenantId: actor.tenantId,
      action: 'template.submitted',
      targetType: 'template',
      targetId: id,
      changes: {
        before: { status: 'DRAFT' },
        after: { status: template.status, metaTemplateId: created.id, category },
      },
    });
    return template;
  });
  return templateDetail(em, saved);
}

/** Replaces the components at Meta (and the category, where Meta allows) and sends it back to review. */
export async function editTemplate(
  em: EntityManager,
  deps: TemplateDeps,
  actor: TenantActor,
  id: string,
  input: { components: TemplateComponents; category?: TemplateCategory },
): Promise<TemplateDetailDto> {
  const row = await ownTemplate(em, actor.tenantId, id);
  if (!isOneOf(row.status, META_EDITABLE))
    throw TemplateErrors.wrongStatus(row.name, row.status, 'editing', META_EDITABLE);
  if (!row.metaTemplateId) throw TemplateErrors.notSubmitted(row.name);
  const stored = contentOf(row);
  if (stored.unsupported.length) throw TemplateErrors.unsupported(row.name, stored.unsupported);
  const category = input.category ?? row.category;
  const wasApproved = row.status === 'APPROVED';
  if (wasApproved && category !== row.category)
    throw TemplateErrors.immutable(
      row.name,
      'category',
      'the category of an approved template cannot be changed',
    );
  const content: TemplateContent = { ...stored, category, components: input.components };
  assertValid(content);
  if (wasApproved) {
    const block = approvedEditBlock(await versionsOf(em, id));
    if (block) throw TemplateErrors.editLimit(row.name, block.why, block.next);
  }
  const { token } = await credentialsFor(em, deps.keyring, row);
  const components = toMetaComponents(content);
  const metaId = row.metaTemplateId;
  await deps.graph
    .editTemplate(metaId, token, { components, ...(category === row.category ? {} : { category }) })
    .catch((err) => rethrowTemplateMetaError(err, 'edit', row.name));
  const saved = await em.transactional(async (tx) => {
    const template = await lockTemplate(tx, actor.tenantId, id);
    const before = { status: template.status, version: template.version, category: template.category };
    tx.assign(template, {
      components: components as Record<string, unknown>[],
      category,
      requestedCategory: category,
      status: 'PENDING',
      rejectionReason: null,
      version: template.version + 1,
      submittedAt: new Date(),
      statusChangedAt: new Date(),
    });
    addVersion(tx, template, wasApproved ? EVENTS.editedApproved : EVENTS.edited, actor, {
      reason: `edited while ${before.status}`,
      withComponents: true,
    });
    await tx.flush();
    await recordAudit(tx, actor, {
      tenantId: actor.tenantId,
      action: 'template.edited',
      targetType: 'template',
      targetId: id,
      changes: { before, after: { status: 'PENDING', version: template.version, category } },
    });
    return template;
  });
  return templateDetail(em, saved);
}
