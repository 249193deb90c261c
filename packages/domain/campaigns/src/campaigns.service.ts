/**
 * Reading campaigns: the list (newest first, keyset paging), the detail, and the variables a
 * template asks a campaign to map. Scoped by tenant: another tenant's id is simply not found.
 */
import { Campaign, type CampaignStatus, type EntityManager } from '@dbulk/db';
import { toDetailDto, toSummaryDto, type CampaignDetailDto, type CampaignSummaryDto } from './campaigns.dto';
import { ownCampaign, ownTemplateRow } from './campaigns.repository';
import { templateVariables, type CampaignVariableDto } from './variables';

export async function campaignById(
  em: EntityManager,
  tenantId: string,
  campaignId: string,
): Promise<CampaignDetailDto> {
  return toDetailDto(await ownCampaign(em, tenantId, campaignId));
}

export interface CampaignListQuery {
  status?: CampaignStatus;
  /** The id of the last item of the previous page (newest first). */
  cursor?: string;
  limit: number;
}

export async function listCampaigns(
  em: EntityManager,
  tenantId: string,
  query: CampaignListQuery,
): Promise<{ items: CampaignSummaryDto[]; nextCursor: string | null }> {
  const where: Record<string, unknown> = { tenant: tenantId };
  if (query.status) where.status = query.status;
  if (query.cursor) {
    const after = await em.findOne(
      Campaign,
      { id: query.cursor, tenant: tenantId },
      { fields: ['createdAt'] },
    );
    if (after) {
      where.$or = [
        { createdAt: { $lt: after.createdAt } },
        { createdAt: after.createdAt, id: { $lt: after.id } },
      ];
    }
  }
  const rows = await em.find(Campaign, where, {
    orderBy: { createdAt: 'desc', id: 'desc' },
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return {
    items: page.map(toSummaryDto),
    nextCursor: rows.length > query.limit ? page[page.length - 1]!.id : null,
  };
}

export async function campaignVariables(
  em: EntityManager,
  tenantId: string,
  templateId: string,
): Promise<CampaignVariableDto[]> {
  return templateVariables(await ownTemplateRow(em, tenantId, templateId));
}
