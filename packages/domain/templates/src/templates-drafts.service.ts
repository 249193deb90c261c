/**
 * Drafts: create (or bring back a deleted name as a new version) and save changes without
 * telling Meta. Scoped by the actor's tenant; audited in the same transaction.
 */
import { Template, type EntityManager } from '@dbulk/db';
import { recordAudit } from '@dbulk/domain-platform';
import type { TenantActor } from '@dbulk/domain-tenancy';
import { accountById } from '@dbulk/domain-whatsapp';
import { toMetaComponents } from './meta-components';
import { DRAFT_EDITABLE, isOneOf } from './template-status';
import type { TemplateContent } from './template.types';
import { contentOf, type TemplateDetailDto } from './templates.dto';
import { TemplateErrors } from './templates.errors';
import { addVersion, EVENTS, lockTemplate, nameBlockedUntil, versionsOf } from './templates.repository';
import { templateDetail } from './templates.service';

export async function createDraft(
  em: EntityManager,
  actor: TenantActor,
  input: TemplateContent & { accountId: string },
): Promise<TemplateDetailDto> {
  const account = await accountById(em, actor.tenantId, input.accountId);
  const row = await em.transactional(async (tx) => {
    const existing = await tx.findOne(Template, {
      tenant: actor.tenantId,
      wabaId: account.wabaId,
      name: input.name,
      language: input.language,
    });
    if (existing && existing.status !== 'DELETED') throw TemplateErrors.exists(input.name, input.language);
    if (existing) {
      const until = nameBlockedUntil(existing.status, await versionsOf(tx, existing.id));
      if (until && until.getTime() > Date.now())
        throw TemplateErrors.nameBlocked(input.name, input.language, until);
    }
    // A deleted row of the same name and language comes back as a new version: its history stays.
    const fields = {
      account: input.accountId,
      category: input.category,
      requestedCategory: null,
      parameterFormat: input.parameterFormat,
      components: toMetaComponents(input) as Record<string, unknown>[],
      status: 'DRAFT' as const,
      metaTemplateId: null,
      rejectionReason: null,
      qualityScore: null,
      submittedAt: null,
      statusChangedAt: new Date(),
      lastSyncedAt: null,
    };
    const template = existing
      ? tx.assign(existing, { ...fields, version: existing.version + 1 })
      : tx.create(Template, {
          tenant: actor.tenantId,
          wabaId: account.wabaId,
          name: input.name,
          language: input.language,
          version: 1,
          ...fields,
        });
    await tx.flush();
    addVersion(tx, template, EVENTS.created, actor, { withComponents: true });
    await recordAudit(tx, actor, {
      tenantId: actor.tenantId,
      action: 'template.draft_created',
      targetType: 'template',
      targetId: template.id,
      changes: {
        after: {
          name: input.name,
          language: input.language,
          category: input.category,
          accountId: input.accountId,
        },
      },
    });
    return template;
  });
  return templateDetail(em, row);
}

/**
 * Saves content without telling Meta. A DRAFT may change anything; a REJECTED or PAUSED
 * template only its components (and a REJECTED one its category): `submit` then resubmits it.
 */
export async function updateDraft(
  em: EntityManager,
  actor: TenantActor,
  id: string,
  input: TemplateContent,
): Promise<TemplateDetailDto> {
  const row = await em.transactional(async (tx) => {
    const template = await lockTemplate(tx, actor.tenantId, id);
    if (!isOneOf(template.status, DRAFT_EDITABLE))
      throw TemplateErrors.wrongStatus(template.name, template.status, 'saving changes', DRAFT_EDITABLE);
    if (template.status !== 'DRAFT') {
      const { unsupported } = contentOf(template);
      if (unsupported.length) throw TemplateErrors.unsupported(template.name, unsupported);
      for (const field of ['name', 'language', 'parameterFormat'] as const) {
        if (input[field] !== template[field])
          throw TemplateErrors.immutable(template.name, field, 'Meta has this template already');
      }
      if (template.status === 'PAUSED' && input.category !== template.category) {
        throw TemplateErrors.immutable(
          template.name,
          'category',
          'the category of an approved template cannot be changed',
        );
      }
    } else if (input.name !== template.name || input.language !== template.language) {
      const clash = await tx.count(Template, {
        tenant: actor.tenantId,
        wabaId: template.wabaId,
        name: input.name,
        language: input.language,
        id: { $ne: id },
      });
      if (clash) throw TemplateErrors.exists(input.name, input.language);
    }
    const before = { name: template.name, language: template.language, category: template.category };
    tx.assign(template, {
      name: input.name,
      language: input.language,
      category: input.category,
      parameterFormat: input.parameterFormat,
      components: toMetaComponents(input) as Record<string, unknown>[],
    });
    await tx.flush();
    await recordAudit(tx, actor, {
      tenantId: actor.tenantId,
      action: 'template.draft_updated',
      targetType: 'template',
      targetId: template.id,
      changes: { before, after: { name: input.name, language: input.language, category: input.category } },
    });
    return template;
  });
  return templateDetail(em, row);
}
