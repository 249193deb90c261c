/**
 * A tenant's money: balance (sum of its ledger, kept in tenant_balances), credit limit (null = no
 * credit control), what open holds still reserve, and what is available to new campaigns:
 * credit_limit + balance − held. A hold counts while its campaign can still send (scheduled,
 * running or paused) and has not been released; what it consumed is already in the balance.
 */
import type { EntityManager } from '@dbulk/db';
import { tenantNotFound } from '../billing.errors';

export interface BalanceDto {
  tenantId: string;
  currency: 'USD';
  balance: string;
  /** null = no credit control: campaigns are quoted and held but never refused or paused. */
  creditLimit: string | null;
  held: string;
  /** null when there is no credit control. */
  available: string | null;
}

/** SQL for what a tenant's open holds still reserve (one parameter: the tenant id). */
export const HELD_SQL = `coalesce((select sum(greatest(h.amount - h.consumed, 0)) from credit_holds h join campaigns c on c.id = h.campaign_id
  where h.tenant_id = ?::uuid and h.released_at is null and c.status in ('SCHEDULED', 'RUNNING', 'PAUSED')), 0)`;

interface Row {
  balance: string;
  credit_limit: string | null;
  held: string;
}

export async function balanceOf(em: EntityManager, tenantId: string): Promise<BalanceDto> {
  const [row]: Row[] = await em.execute(
    `select coalesce(b.balance, 0)::numeric(14,6)::text as balance, t.credit_limit::numeric(14,6)::text as credit_limit,
            (${HELD_SQL})::numeric(14,6)::text as held
     from tenants t left join tenant_balances b on b.tenant_id = t.id where t.id = ?::uuid`,
    [tenantId, tenantId],
  );
  if (!row) throw tenantNotFound(tenantId);
  const available =
    row.credit_limit === null
      ? null
      : (Number(row.credit_limit) + Number(row.balance) - Number(row.held)).toFixed(6);
  return {
    tenantId,
    currency: 'USD',
    balance: row.balance,
    creditLimit: row.credit_limit,
    held: row.held,
    available,
  };
}
