/** Tenants from the platform admin's side: browse, suspend or reactivate, stop or allow sending. */
import { Membership, Tenant, User, raw, type EntityManager, type TenantStatus } from '@dbulk/db';
import { invalid } from '@dbulk/errors';
import { recordAudit, type AuditActor } from '@dbulk/domain-platform';
import { TenancyErrors } from './tenancy.errors';
import { toMemberDto, toTenantDto } from './tenancy.dto';

export async function listTenants(em: EntityManager, query: { search?: string; cursor?: string; limit: number }) {
  const qb = em
    .createQueryBuilder(Tenant, 't')
    .select(['t.*'])
    .addSelect(raw('(select count(*) from memberships m where m.tenant_id = t.id)::int as member_count'))
    .orderBy({ 't.createdAt': 'desc', 't.id': 'desc' })
    .limit(query.limit + 1);
  if (query.search?.trim()) qb.andWhere({ name: { $ilike: `%${query.search.trim().replace(/[\\%_]/g, '\\$&')}%` } });
  if (query.cursor) {
    const [at, id] = query.cursor.split('|');
    qb.andWhere({ $or: [{ createdAt: { $lt: new Date(at!) } }, { createdAt: new Date(at!), id: { $lt: id } }] });
  }
  const rows = (await qb.execute('all', false)) as Record<string, unknown>[];
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: String(r.id),
      name: String(r.name),
      status: r.status as TenantStatus,
      sendingEnabled: Boolean(r.sending_enabled),
      memberCount: Number(r.member_count),
      createdAt: new Date(r.created_at as string).toISOString(),
    })),
    nextCursor: rows.length > query.limit && last ? `${new Date(last.created_at as string).toISOString()}|${String(last.id)}` : null,
  };
}

export async function tenantById(em: EntityManager, tenantId: string) {
  const tenant = await em.findOne(Tenant, { id: tenantId });
  if (!tenant) throw TenancyErrors.tenantNotFound(tenantId);
  const members = await em.find(Membership, { tenant: tenantId }, { populate: ['user'], orderBy: { createdAt: 'asc' } });
  return { ...toTenantDto(tenant), members: members.map(toMemberDto) };
}

function requireReason(reason: string) {
  if (!reason.trim()) throw invalid('REASON_REQUIRED', 'reason is required', { details: { field: 'reason' } });
}

export async function setTenantStatus(em: EntityManager, actor: AuditActor, tenantId: string, status: TenantStatus, reason: string) {
  requireReason(reason);
  return em.transactional(async (tx) => {
    const tenant = await tx.findOne(Tenant, { id: tenantId });
    if (!tenant) throw TenancyErrors.tenantNotFound(tenantId);
    const before = tenant.status;
    tenant.status = status;
    await tx.flush();
    await recordAudit(tx, actor, {
      tenantId,
      action: status === 'suspended' ? 'tenant.suspended' : 'tenant.reactivated',
      targetType: 'tenant',
      targetId: tenantId,
      changes: { before: { status: before }, after: { status, reason } },
    });
    return toTenantDto(tenant);
  });
}

export async function setTenantSending(em: EntityManager, actor: AuditActor, tenantId: string, enabled: boolean, reason: string) {
  requireReason(reason);
  return em.transactional(async (tx) => {
    const tenant = await tx.findOne(Tenant, { id: tenantId });
    if (!tenant) throw TenancyErrors.tenantNotFound(tenantId);
    const before = tenant.sendingEnabled;
    tenant.sendingEnabled = enabled;
    await tx.flush();
    await recordAudit(tx, actor, {
      tenantId,
      action: enabled ? 'tenant.sending_enabled' : 'tenant.sending_disabled',
      targetType: 'tenant',
      targetId: tenantId,
      changes: { before: { sendingEnabled: before }, after: { sendingEnabled: enabled, reason } },
    });
    return toTenantDto(tenant);
  });
}

export async function userById(em: EntityManager, userId: string): Promise<User | null> {
  return em.findOne(User, { id: userId });
}
