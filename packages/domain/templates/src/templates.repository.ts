/**
 * The ORM side of templates: tenant-scoped lookups (another tenant's id is simply not found),
 * version rows, and the facts derived from history — the approved-edit windows and the 30-day
 * name block after deleting an approved template.
 */
import { LockMode, Template, TemplateVersion, type EntityManager, type TemplateStatus } from '@dbulk/db';
import { TEMPLATE_LIMITS } from '@dbulk/meta';
import type { TenantActor } from '@dbulk/domain-tenancy';
import { TemplateErrors } from './templates.errors';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
export const NAME_BLOCK_MS = 30 * DAY;
/** Version events this package writes; edits and deletions of APPROVED templates count for Meta's limits. */
export const EVENTS = {
  created: 'draft_created',
  submitted: 'submitted',
  edited: 'edited',
  editedApproved: 'edited_approved',
  statusChanged: 'status_changed',
  deleted: 'deleted',
  deletedApproved: 'deleted_approved',
  imported: 'imported',
} as const;

export async function ownTemplate(em: EntityManager, tenantId: string, id: string): Promise<Template> {
  const row = await em.findOne(Template, { id, tenant: tenantId });
  if (!row) throw TemplateErrors.notFound(id);
  return row;
}

/** Re-reads the row under a row lock inside a transaction, so status checks and writes agree. */
export async function lockTemplate(tx: EntityManager, tenantId: string, id: string): Promise<Template> {
  const row = await tx.findOne(
    Template,
    { id, tenant: tenantId },
    { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
  );
  if (!row) throw TemplateErrors.notFound(id);
  return row;
}

export function addVersion(
  tx: EntityManager,
  row: Template,
  event: string,
  actor: Pick<TenantActor, 'userId'> | null,
  extra: { reason?: string | null; withComponents?: boolean } = {},
) {
  return tx.create(TemplateVersion, {
    tenant: row.tenant,
    template: row,
    version: row.version,
    event,
    status: row.status,
    category: row.category,
    components: extra.withComponents ? row.components : null,
    reason: extra.reason ?? null,
    actorUserId: actor?.userId ?? null,
    createdAt: new Date(),
  });
}

export function versionsOf(em: EntityManager, templateId: string): Promise<TemplateVersion[]> {
  return em.find(TemplateVersion, { template: templateId }, { orderBy: { createdAt: 'asc', id: 'asc' } });
}

/** For `limit` per `windowMs`: when the next event is allowed, or null if it is allowed now. */
function nextAllowed(times: number[], limit: number, windowMs: number, now: number): number | null {
  const inWindow = times.filter((t) => t > now - windowMs).sort((a, b) => a - b);
  return inWindow.length < limit ? null : inWindow[inWindow.length - limit]! + windowMs;
}

/** Meta allows an APPROVED template 1 edit per 24 h and 10 per 30 days; null = may edit now. */
export function approvedEditBlock(
  versions: TemplateVersion[],
  now = Date.now(),
): { why: string; next: Date } | null {
  const times = versions.filter((v) => v.event === EVENTS.editedApproved).map((v) => v.createdAt.getTime());
  const day = nextAllowed(times, TEMPLATE_LIMITS.approvedEditsPer24h, DAY, now);
  const month = nextAllowed(times, TEMPLATE_LIMITS.approvedEditsPer30d, 30 * DAY, now);
  if (month !== null && (day === null || month >= day)) {
    return {
      why: `Meta allows ${TEMPLATE_LIMITS.approvedEditsPer30d} edits of an approved template per 30 days`,
      next: new Date(month),
    };
  }
  if (day !== null)
    return {
      why: `Meta allows ${TEMPLATE_LIMITS.approvedEditsPer24h} edit of an approved template per 24 hours`,
      next: new Date(day),
    };
  return null;
}

/** The end of Meta's 30-day block on the name, if this template was deleted while APPROVED. */
export function nameBlockedUntil(status: TemplateStatus, versions: TemplateVersion[]): Date | null {
  if (status !== 'DELETED') return null;
  const deleted = versions.filter((v) => v.event === EVENTS.deletedApproved).at(-1);
  return deleted ? new Date(deleted.createdAt.getTime() + NAME_BLOCK_MS) : null;
}
