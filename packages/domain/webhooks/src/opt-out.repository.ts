/**
 * Suppressions from typed keywords and from Meta's 131050, and the contact's `opted_out_at`.
 * Rows satisfy the one suppression predicate (@dbulk/domain-campaigns suppression.ts): phone in
 * E.164, scope 'all' or 'marketing', lifted_at null while active. Inserts are idempotent on the
 * partial unique indexes (one active row per tenant, key and scope).
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@dbulk/db';
import type { SuppressionKey } from './suppression.repository';

export async function tenantKeywords(em: EntityManager, tenantIds: string[]): Promise<Map<string, string[] | null>> {
  if (tenantIds.length === 0) return new Map();
  const rows = await em.execute<{ id: string; opt_out_keywords: string[] | null }[]>(
    `select id, opt_out_keywords from tenants where id in (select (jsonb_array_elements_text(?::jsonb))::uuid)`,
    [JSON.stringify(tenantIds)],
  );
  return new Map(rows.map((r) => [r.id, r.opt_out_keywords]));
}

const KEY = `(phone = ? or (? :: text is not null and bsuid = ?))`;
const keyParams = (key: SuppressionKey) => [key.phone, key.bsuid, key.bsuid];

/**
 * A keyword opt-out at `at`: an active suppression (unless the user opted back in after `at`,
 * i.e. this STOP is older than a START already applied) and the contact marked opted out.
 * Returns the new suppression's id, null when one was already active, 'stale' when ignored.
 */
export async function insertKeywordOptOut(em: EntityManager, key: SuppressionKey, scope: 'all' | 'marketing', at: Date, reason: string): Promise<string | null | 'stale'> {
  const [stale] = await em.execute<{ n: number }[]>(
    `select count(*)::int as n from suppressions where tenant_id = ? and ${KEY} and source = 'keyword' and lifted_at >= ?`,
    [key.tenantId, ...keyParams(key), at.toISOString()],
  );
  if (stale && stale.n > 0) return 'stale';
  const inserted = await em.execute<{ id: string }[]>(
    `insert into suppressions (id, created_at, updated_at, tenant_id, phone, bsuid, scope, source, reason, occurred_at, lifted_at)
     values (?, now(), now(), ?, ?, ?, ?, 'keyword', ?, ?, null) on conflict do nothing returning id`,
    [randomUUID(), key.tenantId, key.phone, key.bsuid, scope, reason, at.toISOString()],
  );
  if (scope === 'all') {
    await em.execute(
      `update contacts set opted_out_at = coalesce(opted_out_at, ?), updated_at = now() where tenant_id = ? and ${KEY}`,
      [at.toISOString(), key.tenantId, ...keyParams(key)],
      'run',
    );
  }
  return inserted[0]?.id ?? null;
}

/** START/UNSTOP at `at`: lifts keyword suppressions from before it; clears opted_out_at when nothing else keeps it. */
export async function liftKeywordOptOuts(em: EntityManager, key: SuppressionKey, at: Date): Promise<string[]> {
  const lifted = await em.execute<{ id: string }[]>(
    `update suppressions set lifted_at = ?, updated_at = now()
     where tenant_id = ? and ${KEY} and source = 'keyword' and lifted_at is null and occurred_at <= ? returning id`,
    [at.toISOString(), key.tenantId, ...keyParams(key), at.toISOString()],
  );
  if (lifted.length > 0) {
    await em.execute(
      `update contacts c set opted_out_at = null, updated_at = now()
       where c.tenant_id = ? and (c.phone = ? or (?::text is not null and c.bsuid = ?)) and c.opted_out_at is not null
         and not exists (select 1 from suppressions s where s.tenant_id = c.tenant_id and s.scope = 'all' and s.lifted_at is null
                         and (s.phone = c.phone or (c.bsuid is not null and s.bsuid = c.bsuid)))`,
      [key.tenantId, ...keyParams(key)],
      'run',
    );
  }
  return lifted.map((r) => r.id);
}

export interface MetaErrorSuppression {
  tenantId: string;
  phone: string | null;
  bsuid: string | null;
  at: string;
  reason: string;
}

/** 131050 (the user stopped marketing messages): marketing suppressions, one statement, idempotent. */
export async function insertMetaErrorSuppressions(em: EntityManager, rows: MetaErrorSuppression[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await em.execute<{ id: string }[]>(
    `insert into suppressions (id, created_at, updated_at, tenant_id, phone, bsuid, scope, source, reason, occurred_at, lifted_at)
     select gen_random_uuid(), now(), now(), x.tenant_id, x.phone, x.bsuid, 'marketing', 'meta_error', x.reason, x.at, null
     from jsonb_to_recordset(?::jsonb) as x(tenant_id uuid, phone text, bsuid text, at timestamptz, reason text)
     where x.phone is not null or x.bsuid is not null
     on conflict do nothing returning id`,
    [JSON.stringify(rows.map((r) => ({ tenant_id: r.tenantId, phone: r.phone, bsuid: r.bsuid, at: r.at, reason: r.reason })))],
  );
  return inserted.length;
}
