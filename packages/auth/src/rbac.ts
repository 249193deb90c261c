/**
 * Tenant roles, ranked, and what each may do. Procedures name the permission they need;
 * this table is the single place that decides.
 */
import type { TenantRole } from '@dbulk/db';

export const ROLE_RANK: Record<TenantRole, number> = { viewer: 0, member: 1, admin: 2, owner: 3 };

export const PERMISSIONS = {
  'tenant:read': 'viewer',
  'tenant:update': 'admin',
  'members:read': 'viewer',
  'members:invite': 'admin',
  'members:changeRole': 'admin',
  'members:remove': 'admin',
  'audit:read': 'admin',
  'campaigns:read': 'viewer',
  'campaigns:write': 'member',
} as const satisfies Record<string, TenantRole>;
export type Permission = keyof typeof PERMISSIONS;

export function hasRole(role: TenantRole, atLeast: TenantRole): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[atLeast];
}

export function can(role: TenantRole, permission: Permission): boolean {
  return hasRole(role, PERMISSIONS[permission]);
}

/**
 * An admin may hand out roles up to admin; only an owner creates or removes owners.
 * Nobody changes a role above their own.
 */
export function canAssignRole(actor: TenantRole, from: TenantRole, to: TenantRole): boolean {
  if (!can(actor, 'members:changeRole')) return false;
  if (actor === 'owner') return true;
  return ROLE_RANK[from] < ROLE_RANK.owner && ROLE_RANK[to] < ROLE_RANK.owner;
}
