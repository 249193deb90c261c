/**
 * Admin actions on a tenant's account, audited with a reason: adjustments (credits positive,
 * debits negative) as ledger entries with a unique `adj:` reference, and the credit limit.
 * The balance row's lock serialises them with charges, so `balance_after` is a true running sum.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@dbulk/db';
import { recordAudit, type AuditActor } from '@dbulk/domain-platform';
import { AppError } from '@dbulk/errors';
import { tenantNotFound } from '../billing.errors';
import { balanceOf, type BalanceDto } from './balance';

export interface AdjustInput {
  tenantId: string;
  amount: number | string;
  reason: string;
}

const money = (n: number | string) => {
  const value = Number(n);
  if (!Number.isFinite(value))
    throw new AppError('BILLING_AMOUNT_INVALID', 'invalid', `${n} is not an amount`);
  return value.toFixed(6);
};

export async function adjustBalance(
  em: EntityManager,
  actor: AuditActor,
  input: AdjustInput,
): Promise<BalanceDto & { entryId: string }> {
  const amount = money(input.amount);
  return em.transactional(async (tx) => {
    const rows: { id: string }[] = await tx.execute(
      `with t as (select id from tenants where id = ?::uuid),
       bal as (
         insert into tenant_balances (tenant_id, balance) select id, ?::numeric from t
         on conflict (tenant_id) do update set balance = tenant_balances.balance + excluded.balance, updated_at = now()
         returning tenant_id, balance)
       insert into ledger_entries (tenant_id, kind, amount, meta_cost, currency, source_ref, balance_after, reason, created_by, occurred_at)
       select b.tenant_id, 'adjustment', ?::numeric, 0, 'USD', ?, b.balance, ?, ?::uuid, now() from bal b
       returning id::text as id`,
      [input.tenantId, amount, amount, `adj:${randomUUID()}`, input.reason, actor.userId],
    );
    const entryId = rows[0]?.id;
    if (!entryId) throw tenantNotFound(input.tenantId);
    await recordAudit(tx, actor, {
      tenantId: input.tenantId,
      action: 'billing.adjusted',
      targetType: 'tenant',
      targetId: input.tenantId,
      changes: { after: { amount, reason: input.reason, entryId } },
    });
    return { ...(await balanceOf(tx, input.tenantId)), entryId };
  });
}

export interface CreditLimitInput {
  tenantId: string;
  /** null removes credit control. */
  creditLimit: number | string | null;
  reason: string;
}

export async function setCreditLimit(
  em: EntityManager,
  actor: AuditActor,
  input: CreditLimitInput,
): Promise<BalanceDto> {
  const limit = input.creditLimit === null ? null : money(input.creditLimit);
  if (limit !== null && Number(limit) < 0)
    throw new AppError('BILLING_AMOUNT_INVALID', 'invalid', `a credit limit cannot be negative (${limit})`);
  return em.transactional(async (tx) => {
    const rows: { before: string | null }[] = await tx.execute(
      `update tenants t set credit_limit = ?::numeric, updated_at = now() from (select id, credit_limit from tenants where id = ?::uuid for update) o
       where t.id = o.id returning o.credit_limit::text as before`,
      [limit, input.tenantId],
    );
    if (rows.length === 0) throw tenantNotFound(input.tenantId);
    await recordAudit(tx, actor, {
      tenantId: input.tenantId,
      action: 'billing.credit_limit_set',
      targetType: 'tenant',
      targetId: input.tenantId,
      changes: {
        before: { creditLimit: rows[0]!.before },
        after: { creditLimit: limit, reason: input.reason },
      },
    });
    return balanceOf(tx, input.tenantId);
  });
}
