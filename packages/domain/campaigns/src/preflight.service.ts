/**
 * What starting a campaign would do, without doing it: recipients, who is skipped and why,
 * whether the portfolio's messaging limit fits (and the per-day split when it does not), and
 * which variables still lack a value. Start applies exactly the same rules (recipients.ts).
 */
import { Tenant, type EntityManager } from '@dbulk/db';
import { prefixSql, quotePrefixes, type PrefixCount, type QuoteDto } from '@dbulk/domain-billing';
import { ownCampaign } from './campaigns.repository';
import { splitAcrossDays, tierLimit, type DayCount } from './messaging-limit';
import { usedLast24h } from './messaging-limit.repository';
import { countRecipients, preferHashJoins, recipientsCtes, SKIP_REASONS, usAreaCodesOf, type RecipientQuery } from './recipients';
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
  /** The quote (USD, markup included) of the recipients that will be sent to; held at start. */
  estimatedCost: string;
  /** The quote by market, and how many recipients have no rate. */
  cost: QuoteDto;
  unmapped: string[];
}

/** Will-send recipients by their first four digits (which decide the market). */
async function recipientPrefixes(em: EntityManager, q: RecipientQuery): Promise<PrefixCount[]> {
  const { sql, params } = recipientsCtes(q, await usAreaCodesOf(em, q));
  return em.transactional(async (tx) => {
    await preferHashJoins(tx);
    return tx.execute(`with ${sql} select ${prefixSql('phone')} as prefix, count(*)::int as count from recipients where reason is null group by 1`, params);
  });
}

export async function preflightCampaign(
  em: EntityManager,
  tenantId: string,
  campaignId: string,
): Promise<PreflightDto> {
  const row = await ownCampaign(em, tenantId, campaignId);
  const keys = templateVariables(row.template).map((v) => v.key);
  const query = { tenantId, listIds: row.listIds, tagFilter: row.tagFilter, category: row.template.category };
  const counts = await countRecipients(em, query);
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
  const cost = await quotePrefixes(em, { tenantId, category: row.template.category, prefixes: await recipientPrefixes(em, query), at: start });
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
    estimatedCost: cost.total,
    cost,
    unmapped: unmappedKeys(keys, row.variableMapping),
  };
}
