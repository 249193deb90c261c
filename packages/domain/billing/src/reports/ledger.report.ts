/**
 * A tenant's ledger, newest first, paged by id (a bigserial: stable under inserts), filtered by
 * kind, campaign, category and period; and the same rows as CSV, streamed page by page (the api
 * serves it over plain HTTP), so a month of a million charges exports in bounded memory.
 */
import { keysetCsv, type EntityManager } from '@dbulk/db';
import { notFound } from '@dbulk/errors';
import { checkPeriod, periodSql, periodParams, tenantZone, type Period } from './period';
import { money, type LedgerEntryDto, type LedgerPageDto } from './reports.dto';

export interface LedgerFilter {
  kind?: string | undefined;
  campaignId?: string | undefined;
  category?: string | undefined;
  period?: Period | undefined;
}

/** Ledger rows read per keyset page while exporting. */
export const LEDGER_EXPORT_PAGE_ROWS = 5_000;

interface Row {
  id: string;
  kind: string;
  amount: string;
  currency: string;
  category: string | null;
  market: string | null;
  pricing_model: string | null;
  campaign_id: string | null;
  campaign_name: string | null;
  reason: string | null;
  balance_after: string | null;
  occurred_at: Date | string;
}

const toDto = (r: Row): LedgerEntryDto => ({
  id: String(r.id),
  kind: r.kind,
  amount: money(r.amount),
  currency: r.currency,
  category: r.category,
  market: r.market,
  pricingModel: r.pricing_model,
  campaignId: r.campaign_id,
  campaignName: r.campaign_name,
  reason: r.reason,
  balanceAfter: r.balance_after === null ? null : money(r.balance_after),
  occurredAt: new Date(r.occurred_at).toISOString(),
});

/** A campaign filter must name one of the tenant's campaigns: another tenant's id is not found. */
async function ownCampaign(em: EntityManager, tenantId: string, campaignId: string) {
  const [row] = await em.execute(`select 1 from campaigns where id = ?::uuid and tenant_id = ?::uuid`, [
    campaignId,
    tenantId,
  ]);
  if (!row)
    throw notFound('BILLING_CAMPAIGN_NOT_FOUND', `campaign ${campaignId} does not exist`, {
      details: { field: 'campaignId' },
    });
}

/** Refuses a campaign of another tenant and a malformed period before anything is read. */
async function checkFilter(em: EntityManager, tenantId: string, filter: LedgerFilter) {
  if (filter.campaignId) await ownCampaign(em, tenantId, filter.campaignId);
  if (filter.period) checkPeriod(filter.period);
}

async function select(
  em: EntityManager,
  tenantId: string,
  filter: LedgerFilter,
  cursor: string | null,
  limit: number,
) {
  const where = ['l.tenant_id = ?::uuid'];
  const params: unknown[] = [tenantId];
  const add = (sql: string, ...values: unknown[]) => {
    where.push(sql);
    params.push(...values);
  };
  if (filter.kind) add('l.kind = ?', filter.kind);
  if (filter.category) add('l.category = ?', filter.category);
  if (filter.campaignId) add('l.campaign_id = ?::uuid', filter.campaignId);
  if (filter.period) {
    add(periodSql('l.occurred_at'), ...periodParams(filter.period, await tenantZone(em, tenantId)));
  }
  if (cursor) add('l.id < ?', cursor);
  return em.execute<Row[]>(
    `select l.id, l.kind, l.amount, l.currency, l.category, l.market, l.pricing_model, l.campaign_id, c.name as campaign_name,
            l.reason, l.balance_after, l.occurred_at
     from ledger_entries l left join campaigns c on c.id = l.campaign_id and c.tenant_id = l.tenant_id
     where ${where.join(' and ')} order by l.id desc limit ?`,
    [...params, limit],
  );
}

export async function ledgerPage(
  em: EntityManager,
  tenantId: string,
  filter: LedgerFilter & { cursor?: string | undefined; limit: number },
): Promise<LedgerPageDto> {
  await checkFilter(em, tenantId, filter);
  const rows = await select(em, tenantId, filter, filter.cursor ?? null, filter.limit + 1);
  const items = rows.slice(0, filter.limit).map(toDto);
  return { items, nextCursor: rows.length > filter.limit ? items.at(-1)!.id : null };
}

const COLUMNS = [
  'id',
  'occurredAt',
  'kind',
  'amount',
  'currency',
  'category',
  'market',
  'pricingModel',
  'campaignId',
  'campaignName',
  'reason',
  'balanceAfter',
] as const;

/**
 * The filtered ledger as CSV lines (header first, CRLF-terminated, newest first), read in keyset
 * pages of LEDGER_EXPORT_PAGE_ROWS. The filter is checked before the first line is produced, so a
 * refusal is an error, never a cut-off file.
 */
export async function exportLedgerCsv(
  em: EntityManager,
  tenantId: string,
  filter: LedgerFilter,
): Promise<{ fileName: string; lines: AsyncIterable<string> }> {
  await checkFilter(em, tenantId, filter);
  const lines = keysetCsv({
    header: COLUMNS,
    pageSize: LEDGER_EXPORT_PAGE_ROWS,
    fetch: async (after) => (await select(em, tenantId, filter, after ?? null, LEDGER_EXPORT_PAGE_ROWS + 1)).map(toDto),
    keyOf: (row) => row.id,
    cells: (row) => COLUMNS.map((c) => row[c]),
  });
  const span = filter.period ? `${filter.period.from}-to-${filter.period.to}` : 'all';
  return { fileName: `ledger-${span}.csv`, lines };
}
