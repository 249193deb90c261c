/**
 * The audit trail: one row per mutation, written with the caller's EntityManager so it commits
 * or rolls back with the change. Each insert also NOTIFYs `dbulk_audit`; PostgreSQL delivers
 * it on commit to every api replica's listener, which feeds live subscriptions.
 */
import { AuditLog, type AuditChanges, type EntityManager } from '@dbulk/db';

export const AUDIT_CHANNEL = 'dbulk_audit';

export interface AuditActor {
  userId: string | null;
  email: string | null;
  ip: string | null;
}

export interface AuditEntry {
  tenantId: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  changes?: AuditChanges;
}

export interface AuditItem {
  id: string;
  tenantId: string | null;
  action: string;
  actorEmail: string | null;
  targetType: string | null;
  targetId: string | null;
  changes: AuditChanges | null;
  ip: string | null;
  createdAt: string;
}

export async function recordAudit(em: EntityManager, actor: AuditActor, entry: AuditEntry): Promise<void> {
  const row = em.create(AuditLog, {
    actorUserId: actor.userId,
    actorEmail: actor.email,
    tenantId: entry.tenantId,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    changes: entry.changes ?? null,
    ip: actor.ip,
    createdAt: new Date(),
  });
  await em.flush();
  // em.execute runs inside the caller's transaction, so NOTIFY is delivered only on commit.
  await em.execute('select pg_notify(?, ?)', [AUDIT_CHANNEL, JSON.stringify({ id: row.id, tenantId: row.tenantId })]);
}

export function toAuditItem(row: AuditLog): AuditItem {
  return {
    id: String(row.id),
    tenantId: row.tenantId ?? null,
    action: row.action,
    actorEmail: row.actorEmail ?? null,
    targetType: row.targetType ?? null,
    targetId: row.targetId ?? null,
    changes: row.changes ?? null,
    ip: row.ip ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export interface AuditQuery {
  /** Required for tenant callers; admins may omit it to see everything. */
  tenantId?: string | null;
  action?: string;
  /** Return rows with id below this (newest first paging). */
  before?: string;
  /** Return rows with id above this, oldest first (subscription backfill). */
  after?: string;
  limit: number;
}

export async function listAudit(em: EntityManager, query: AuditQuery): Promise<{ items: AuditItem[]; nextCursor: string | null }> {
  const where: Record<string, unknown> = {};
  if (query.tenantId !== undefined) where.tenantId = query.tenantId;
  if (query.action) where.action = { $like: `${query.action.replace(/[\\%_]/g, '\\$&')}%` };
  if (query.before) where.id = { $lt: query.before };
  if (query.after) where.id = { $gt: query.after };
  const rows = await em.find(AuditLog, where, {
    orderBy: { id: query.after ? 'asc' : 'desc' },
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const nextCursor = rows.length > query.limit && !query.after ? String(page[page.length - 1]!.id) : null;
  return { items: page.map(toAuditItem), nextCursor };
}
