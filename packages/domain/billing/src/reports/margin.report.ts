/**
 * The platform's view: per tenant, what it was billed in a period (UTC days), what Meta charges
 * for the same entries, and the margin between them; with each tenant's credit limit and
 * balance so credit can be managed from the same table. Tenants without charges are listed too.
 */
import type { EntityManager } from '@dbulk/db';
import { checkPeriod, periodSql, periodParams, type Period } from './period';
import { money, type MarginReportDto, type TenantMarginDto } from './reports.dto';

/** Tenants in one report, busiest first; the platform has fewer, or pages by search. */
export const MARGIN_MAX_TENANTS = 500;

interface Row {
  tenant_id: string;
  tenant_name: string;
  billed: string | null;
  meta_cost: string | null;
  charges: string | null;
  credit_limit: string | null;
  balance: string | null;
}

export interface MarginQuery {
  tenantId?: string | undefined;
  /** Part of the tenant's name, case-insensitive. */
  search?: string | undefined;
}

export async function marginReport(
  em: EntityManager,
  period: Period,
  options: MarginQuery = {},
): Promise<MarginReportDto> {
  checkPeriod(period);
  const search = options.search?.trim()
    ? `%${options.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    : null;
  const rows = await em.execute<Row[]>(
    `select t.id as tenant_id, t.name as tenant_name, s.billed, s.meta_cost, s.charges, t.credit_limit,
            b.balance
     from tenants t
     left join (select tenant_id, sum(-amount) as billed, sum(-meta_cost) as meta_cost, count(*) as charges
                from ledger_entries where kind = 'charge' and ${periodSql()} group by tenant_id) s on s.tenant_id = t.id
     left join tenant_balances b on b.tenant_id = t.id
     where (?::uuid is null or t.id = ?::uuid) and (?::text is null or t.name ilike ?)
     order by coalesce(s.billed, 0) desc, t.name
     limit ?`,
    [
      ...periodParams(period, 'UTC'),
      options.tenantId ?? null,
      options.tenantId ?? null,
      search,
      search,
      MARGIN_MAX_TENANTS + 1,
    ],
  );
  const truncated = rows.length > MARGIN_MAX_TENANTS;
  const tenants = rows.slice(0, MARGIN_MAX_TENANTS).map((r): TenantMarginDto => {
    const billed = money(r.billed);
    const metaCost = money(r.meta_cost);
    const margin = money(billed - metaCost);
    return {
      tenantId: r.tenant_id,
      tenantName: r.tenant_name,
      billed,
      metaCost,
      margin,
      marginRate: billed === 0 ? null : margin / billed,
      charges: Number(r.charges ?? 0),
      creditLimit: r.credit_limit === null ? null : money(r.credit_limit),
      balance: money(r.balance),
    };
  });
  const sum = (pick: (t: TenantMarginDto) => number) =>
    money(tenants.reduce((total, t) => total + pick(t), 0));
  return {
    from: period.from,
    to: period.to,
    currency: 'USD',
    totals: { billed: sum((t) => t.billed), metaCost: sum((t) => t.metaCost), margin: sum((t) => t.margin) },
    tenants,
    truncated,
  };
}
