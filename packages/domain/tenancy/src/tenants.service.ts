/** Tenants from a member's side: create, list mine, check membership, switch. */
import { Membership, Tenant, type EntityManager, type TenantRole } from '@dbulk/db';
import { hasRole } from '@dbulk/auth';
import { recordAudit, type AuditActor } from '@dbulk/domain-platform';
import { TenancyErrors } from './tenancy.errors';
import type { MembershipDto } from './tenancy.dto';

export async function createTenantTx(tx: EntityManager, actor: AuditActor, name: string): Promise<Tenant> {
  const trimmed = name.trim();
  if (!trimmed) throw TenancyErrors.nameRequired('name');
  const tenant = tx.create(Tenant, { name: trimmed });
  tx.create(Membership, { tenant, user: actor.userId!, role: 'owner' });
  await tx.flush();
  await recordAudit(tx, actor, {
    tenantId: tenant.id,
    action: 'tenant.created',
    targetType: 'tenant',
    targetId: tenant.id,
    changes: { after: { name: trimmed } },
  });
  return tenant;
}

export function createTenant(em: EntityManager, actor: AuditActor & { userId: string }, name: string): Promise<Tenant> {
  return em.transactional((tx) => createTenantTx(tx, actor, name));
}

export async function listMemberships(em: EntityManager, userId: string): Promise<MembershipDto[]> {
  const rows = await em.find(Membership, { user: userId }, { populate: ['tenant'], orderBy: { createdAt: 'asc' } });
  return rows.map((m) => ({ tenantId: m.tenant.id, tenantName: (m.tenant as unknown as Tenant).name, role: m.role }));
}

export interface TenantAccess {
  tenant: Tenant;
  role: TenantRole;
}

/**
 * The gate every tenant procedure passes: the user must be a member of the tenant their
 * session selected, with at least `atLeast`, and the tenant must not be suspended.
 */
export async function requireTenantAccess(em: EntityManager, userId: string, tenantId: string | null, atLeast: TenantRole): Promise<TenantAccess> {
  if (!tenantId) throw TenancyErrors.noTenantSelected();
  const membership = await em.findOne(Membership, { user: userId, tenant: tenantId }, { populate: ['tenant'] });
  if (!membership) throw TenancyErrors.notMember();
  const tenant = membership.tenant as unknown as Tenant;
  if (tenant.status === 'suspended') throw TenancyErrors.tenantSuspended(tenant.name);
  if (!hasRole(membership.role, atLeast)) throw TenancyErrors.roleTooLow(atLeast);
  return { tenant, role: membership.role };
}

/** The first tenant a user belongs to: where a fresh session lands. */
export async function defaultTenantId(em: EntityManager, userId: string): Promise<string | null> {
  const first = await em.findOne(Membership, { user: userId }, { orderBy: { createdAt: 'asc' } });
  return first ? first.tenant.id : null;
}
