/**
 * What starting a campaign would do, without doing it: recipients, who is skipped and why,
 * whether the portfolio's messaging limit fits (and the per-day split when it does not), and
 * which variables still lack a value. Start applies exactly the same rules (recipients.ts).
 */
import { Tenant, type EntityManager } from '@dbulk/db';
import { ownCampaign } from './campaigns.repository';
import { splitAcrossDays, tierLimit, type DayCount } from './messaging-limit';
import { usedLast24h } from './messaging-limit.repository';
import { countRecipients, SKIP_REASONS } from './recipients';
import { templateVariables, unmappedKeys } from './variables';

export interface PreflightDto {
  recipients: number;
  willSend: number;
  skipped: { reason: string; count: number }[];
  messagingLimit: {
    tier: string | null;
    /** null = unlimited. */
    limit: number | null;
    usedLast24h: number;
    available: number | null;
    fits: boolean;
    days: DayCount[];
    /** Set when the tier is unknown and the lowest limit is assumed. */
    note: string | null;
  };
  /** Billing is a later issue. */
  estimatedCost: null;
  unmapped: string[];
}

export async function preflightCampaign(
  em: EntityManager,
  tenantId: string,
  campaignId: string,
): Promise<PreflightDto> {
  const row = await ownCampaign(em, tenantId, campaignId);
  const keys = templateVariables(row.template).map((v) => v.key);
  const counts = await countRecipients(em, {
    tenantId,
    listIds: row.listIds,
    tagFilter: row.tagFilter,
    category: row.template.category,
  });
  const skippedTotal = Object.values(counts.byReason).reduce((a, b) => a + b, 0);
  const willSend = counts.recipients - skippedTotal;
  const byReason: Record<string, number> = {
    ...counts.byReason,
    duplicate: counts.memberships - counts.recipients,
  };
  const tier = row.account.messagingLimitTier ?? null;
  const limit = tierLimit(tier);
  const used = await usedLast24h(em, tenantId, row.account.wabaId);
  const available = Math.max(0, limit - used);
  const tenant = await em.findOneOrFail(Tenant, { id: tenantId }, { fields: ['timezone'] });
  const start = row.scheduledAt && row.scheduledAt.getTime() > Date.now() ? row.scheduledAt : new Date();
  return {
    recipients: counts.recipients,
    willSend,
    skipped: SKIP_REASONS.map((reason) => ({ reason, count: byReason[reason] ?? 0 })),
    messagingLimit: {
      tier,
      limit: Number.isFinite(limit) ? limit : null,
      usedLast24h: used,
      available: Number.isFinite(available) ? available : null,
      fits: willSend <= available,
      days: splitAcrossDays(willSend, limit, available, start, tenant.timezone),
      note: tier
        ? null
        : 'Meta has not reported this number’s messaging limit tier yet; assuming the lowest (250 per 24 h).',
    },
    estimatedCost: null,
    unmapped: unmappedKeys(keys, row.variableMapping),
  };
}
