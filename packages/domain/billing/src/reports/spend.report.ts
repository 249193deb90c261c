/**
 * A tenant's spend over a period, by day and category (the stacked chart), by category, by
 * market and by campaign. Spend is what the charges debited (`kind = 'charge'`, amounts
 * negated); adjustments and holds are not spend. Days are the tenant's days.
 */
import type { EntityManager } from '@dbulk/db';
import { checkPeriod, periodSql, periodParams, tenantZone, type Period } from './period';
import {
  money,
  type SpendByCampaignDto,
  type SpendByDayDto,
  type SpendByKeyDto,
  type SpendReportDto,
} from './reports.dto';

const TOP_CAMPAIGNS = 10;
type Grouped = { key: string; amount: string; count: string };

const charges = `from ledger_entries where tenant_id = ?::uuid and kind = 'charge' and ${periodSql()}`;

async function grouped(
  em: EntityManager,
  column: string,
  tenantId: string,
  params: unknown[],
): Promise<SpendByKeyDto[]> {
  const rows = await em.execute<Grouped[]>(
    `select coalesce(${column}, 'unknown') as key, sum(-amount) as amount, count(*) as count ${charges}
     group by 1 order by sum(-amount) desc, 1`,
    [tenantId, ...params],
  );
  return rows.map((r) => ({ key: r.key, amount: money(r.amount), count: Number(r.count) }));
}

export async function spendByDay(
  em: EntityManager,
  tenantId: string,
  period: Period,
  zone: string,
): Promise<SpendByDayDto[]> {
  const rows = await em.execute<(Grouped & { day: string })[]>(
    `select to_char((occurred_at at time zone ?)::date, 'YYYY-MM-DD') as day, coalesce(category, 'unknown') as key,
            sum(-amount) as amount, count(*) as count ${charges}
     group by 1, 2 order by 1, 2`,
    [zone, tenantId, ...periodParams(period, zone)],
  );
  return rows.map((r) => ({ day: r.day, category: r.key, amount: money(r.amount), count: Number(r.count) }));
}

export async function spendByCampaign(
  em: EntityManager,
  tenantId: string,
  period: Period,
  zone: string,
  limit = TOP_CAMPAIGNS,
): Promise<SpendByCampaignDto[]> {
  const rows = await em.execute<(Grouped & { name: string })[]>(
    `select l.key, c.name, l.amount, l.count
     from (select campaign_id as key, sum(-amount) as amount, count(*) as count ${charges} and campaign_id is not null
           group by 1 order by 2 desc limit ?) l
     join campaigns c on c.id = l.key and c.tenant_id = ?::uuid
     order by l.amount desc, c.name`,
    [tenantId, ...periodParams(period, zone), limit, tenantId],
  );
  return rows.map((r) => ({
    campaignId: r.key,
    campaignName: r.name,
    amount: money(r.amount),
    count: Number(r.count),
  }));
}

/** The whole dashboard in one call: four grouped index range scans of the tenant's charges in the period. */
export async function spendReport(
  em: EntityManager,
  tenantId: string,
  period: Period,
): Promise<SpendReportDto> {
  checkPeriod(period);
  const zone = await tenantZone(em, tenantId);
  const params = periodParams(period, zone);
  // One after another: the em may be inside a transaction, whose one connection runs one query at a time.
  const byDay = await spendByDay(em, tenantId, period, zone);
  const byCategory = await grouped(em, 'category', tenantId, params);
  const byMarket = await grouped(em, 'market', tenantId, params);
  const topCampaigns = await spendByCampaign(em, tenantId, period, zone);
  const total = money(byCategory.reduce((sum, row) => sum + row.amount, 0));
  return {
    from: period.from,
    to: period.to,
    timeZone: zone,
    currency: 'USD',
    total,
    byDay,
    byCategory,
    byMarket,
    topCampaigns,
  };
}
