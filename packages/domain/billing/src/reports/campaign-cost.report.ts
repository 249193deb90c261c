/**
 * A campaign's estimate against what it actually cost: the quote made at start, the charges
 * debited since (live), and the counts that explain the difference — messages that were never
 * delivered (failed, skipped) are never charged, and those still in flight may be.
 */
import type { EntityManager } from '@dbulk/db';
import { notFound } from '@dbulk/errors';
import { money } from './reports.dto';

export interface CampaignCostDto {
  campaignId: string;
  currency: string;
  /** The quote at start (null before start). */
  estimated: number | null;
  /** Sum of the campaign's charges in the ledger (markup included). */
  actual: number;
  /** Charges debited (one per billable delivered message or conversation). */
  charges: number;
  /** actual − estimated; negative when the campaign cost less than quoted. */
  difference: number | null;
  recipients: number;
  delivered: number;
  /** Failed or skipped: never delivered, never charged. */
  notDelivered: number;
  /** Not yet in a final status: may still be charged. */
  inFlight: number;
  byCategory: { category: string; amount: number; count: number }[];
}

interface CampaignRow {
  estimated_cost: string | null;
  total: number;
  delivered: number;
  read: number;
  failed: number;
  skipped: number;
  sent: number;
}

export async function campaignCost(
  em: EntityManager,
  tenantId: string,
  campaignId: string,
): Promise<CampaignCostDto> {
  const [campaign] = await em.execute<CampaignRow[]>(
    `select estimated_cost, total, delivered, read, failed, skipped, sent from campaigns where id = ?::uuid and tenant_id = ?::uuid`,
    [campaignId, tenantId],
  );
  if (!campaign)
    throw notFound('BILLING_CAMPAIGN_NOT_FOUND', `campaign ${campaignId} does not exist`, {
      details: { field: 'campaignId' },
    });
  const rows = await em.execute<{ category: string; amount: string; count: string }[]>(
    `select coalesce(category, 'unknown') as category, sum(-amount) as amount, count(*) as count
     from ledger_entries where tenant_id = ?::uuid and campaign_id = ?::uuid and kind = 'charge'
     group by 1 order by 2 desc`,
    [tenantId, campaignId],
  );
  const byCategory = rows.map((r) => ({
    category: r.category,
    amount: money(r.amount),
    count: Number(r.count),
  }));
  const actual = money(byCategory.reduce((sum, r) => sum + r.amount, 0));
  const estimated = campaign.estimated_cost === null ? null : money(campaign.estimated_cost);
  const delivered = campaign.delivered + campaign.read;
  const notDelivered = campaign.failed + campaign.skipped;
  return {
    campaignId,
    currency: 'USD',
    estimated,
    actual,
    charges: byCategory.reduce((sum, r) => sum + r.count, 0),
    difference: estimated === null ? null : money(actual - estimated),
    recipients: campaign.total,
    delivered,
    notDelivered,
    inFlight: Math.max(0, campaign.total - delivered - notDelivered),
    byCategory,
  };
}
