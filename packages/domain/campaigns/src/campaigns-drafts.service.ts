/**
 * Campaign drafts: create and change. A draft names an APPROVED template of the chosen
 * number's WABA, contact lists, a tag filter, how each template variable is filled and an
 * optional schedule (in the tenant's timezone). Every change is audited in its transaction.
 */
import { Campaign, Tenant, type EntityManager, type VariableMapping } from '@dbulk/db';
import { recordAudit } from '@dbulk/domain-platform';
import type { TenantActor } from '@dbulk/domain-tenancy';
import type { CampaignDetailDto } from './campaigns.dto';
import { CampaignErrors } from './campaigns.errors';
import {
  checkLists,
  checkTemplateFits,
  lockCampaign,
  ownAccountRow,
  ownTemplateRow,
} from './campaigns.repository';
import { campaignById } from './campaigns.service';
import { parseScheduledAt } from './schedule';

export interface CampaignDraftInput {
  name: string;
  accountId: string;
  templateId: string;
  listIds: string[];
  tagFilter: string[];
  variableMapping: VariableMapping;
  /** Local time in the tenant's timezone (`2026-03-10T09:00`) or ISO with offset; null clears it. */
  scheduledAt?: string | null;
}

async function scheduleOf(
  em: EntityManager,
  tenantId: string,
  value: string | null | undefined,
): Promise<Date | null> {
  if (!value) return null;
  const tenant = await em.findOneOrFail(Tenant, { id: tenantId }, { fields: ['timezone'] });
  const at = parseScheduledAt(value, tenant.timezone);
  if (at.getTime() < Date.now() - 60_000) throw CampaignErrors.scheduleInPast();
  return at;
}

async function checkRefs(
  em: EntityManager,
  tenantId: string,
  input: Pick<CampaignDraftInput, 'accountId' | 'templateId' | 'listIds'>,
) {
  const account = await ownAccountRow(em, tenantId, input.accountId);
  const template = await ownTemplateRow(em, tenantId, input.templateId);
  checkTemplateFits(template, account);
  await checkLists(em, tenantId, input.listIds);
  return { account, template };
}

export async function createCampaign(
  em: EntityManager,
  actor: TenantActor,
  input: CampaignDraftInput,
): Promise<{ campaignId: string }> {
  const { template } = await checkRefs(em, actor.tenantId, input);
  const scheduledAt = await scheduleOf(em, actor.tenantId, input.scheduledAt);
  return em.transactional(async (tx) => {
    const row = tx.create(Campaign, {
      tenant: actor.tenantId,
      name: input.name,
      account: input.accountId,
      template: input.templateId,
      listIds: [...new Set(input.listIds)],
      tagFilter: [...new Set(input.tagFilter)],
      variableMapping: input.variableMapping,
      scheduledAt,
      createdBy: actor.userId,
      category: template.category,
    });
    await tx.flush();
    await recordAudit(tx, actor, {
      tenantId: actor.tenantId,
      action: 'campaign.created',
      targetType: 'campaign',
      targetId: row.id,
      changes: { after: { name: row.name, templateId: input.templateId, listIds: row.listIds } },
    });
    return { campaignId: row.id };
  });
}

export async function updateCampaign(
  em: EntityManager,
  actor: TenantActor,
  campaignId: string,
  change: Partial<CampaignDraftInput>,
): Promise<CampaignDetailDto> {
  await em.transactional(async (tx) => {
    const row = await lockCampaign(tx, actor.tenantId, campaignId);
    if (row.status !== 'DRAFT') throw CampaignErrors.notDraft(row.name, row.status);
    const next = {
      accountId: change.accountId ?? row.account.id,
      templateId: change.templateId ?? row.template.id,
      listIds: change.listIds ?? row.listIds,
    };
    const { template } = await checkRefs(tx, actor.tenantId, next);
    const before = {
      name: row.name,
      templateId: row.template.id,
      listIds: row.listIds,
      tagFilter: row.tagFilter,
    };
    tx.assign(row, {
      ...(change.name !== undefined ? { name: change.name } : {}),
      account: next.accountId,
      template: next.templateId,
      category: template.category,
      listIds: [...new Set(next.listIds)],
      ...(change.tagFilter ? { tagFilter: [...new Set(change.tagFilter)] } : {}),
      ...(change.variableMapping ? { variableMapping: change.variableMapping } : {}),
      ...(change.scheduledAt !== undefined
        ? { scheduledAt: await scheduleOf(tx, actor.tenantId, change.scheduledAt) }
        : {}),
    });
    await tx.flush();
    await recordAudit(tx, actor, {
      tenantId: actor.tenantId,
      action: 'campaign.updated',
      targetType: 'campaign',
      targetId: row.id,
      changes: {
        before,
        after: {
          name: row.name,
          templateId: next.templateId,
          listIds: row.listIds,
          tagFilter: row.tagFilter,
        },
      },
    });
  });
  return campaignById(em.fork(), actor.tenantId, campaignId);
}

/** Deletes a draft (it has no messages yet); anything started stays, for its history and costs. */
export async function discardDraft(
  em: EntityManager,
  actor: TenantActor,
  campaignId: string,
): Promise<{ campaignId: string }> {
  await em.transactional(async (tx) => {
    const row = await lockCampaign(tx, actor.tenantId, campaignId);
    if (row.status !== 'DRAFT') throw CampaignErrors.notDraft(row.name, row.status);
    await recordAudit(tx, actor, {
      tenantId: actor.tenantId,
      action: 'campaign.discarded',
      targetType: 'campaign',
      targetId: row.id,
      changes: {
        before: { name: row.name, status: row.status, templateId: row.template.id, listIds: row.listIds },
      },
    });
    tx.remove(row);
    await tx.flush();
  });
  return { campaignId };
}
