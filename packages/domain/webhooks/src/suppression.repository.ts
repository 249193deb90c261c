/**
 * The tenant's marketing suppressions keyed by phone (E.164) and/or business-scoped user id,
 * as `user_preferences` reads and writes them. Rows are locked while a preference is decided.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@dbulk/db';
import type { SuppressionRow } from './preferences';

export interface SuppressionKey {
  tenantId: string;
  phone: string | null;
  bsuid: string | null;
}

export async function findMarketingSuppressions(em: EntityManager, key: SuppressionKey): Promise<SuppressionRow[]> {
  const rows = await em.execute<{ id: string; source: string; occurred_at: Date | string; lifted_at: Date | string | null }[]>(
    `select id, source, occurred_at, lifted_at from suppressions
     where tenant_id = ? and scope = 'marketing' and (phone = ? or bsuid = ?)
     order by occurred_at for update`,
    [key.tenantId, key.phone, key.bsuid],
  );
  return rows.map((r) => ({
    id: r.id,
    source: r.source,
    occurredAt: new Date(r.occurred_at),
    liftedAt: r.lifted_at === null ? null : new Date(r.lifted_at),
  }));
}

/** Returns the new row's id, or null when an active suppression already holds the key. */
export async function insertSuppression(
  em: EntityManager,
  key: SuppressionKey,
  row: { occurredAt: Date; liftedAt: Date | null; reason: string },
): Promise<string | null> {
  const id = randomUUID();
  const inserted = await em.execute<{ id: string }[]>(
    `insert into suppressions (id, created_at, updated_at, tenant_id, phone, bsuid, scope, source, reason, occurred_at, lifted_at)
     values (?, now(), now(), ?, ?, ?, 'marketing', 'user_preferences', ?, ?, ?)
     on conflict do nothing returning id`,
    [id, key.tenantId, key.phone, key.bsuid, row.reason, row.occurredAt.toISOString(), row.liftedAt?.toISOString() ?? null],
  );
  return inserted[0]?.id ?? null;
}

export async function liftSuppressions(em: EntityManager, ids: string[], liftedAt: Date): Promise<void> {
  await em.execute(
    `update suppressions set lifted_at = ?, updated_at = now()
     where id in (select (jsonb_array_elements_text(?::jsonb))::uuid) and lifted_at is null`,
    [liftedAt.toISOString(), JSON.stringify(ids)],
    'run',
  );
}
