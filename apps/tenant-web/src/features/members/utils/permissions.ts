/**
 * What the members page lets each role try. The api enforces the same rules; these only decide
 * which controls are enabled so people are not offered actions that will be refused.
 */
export const ROLES = ['owner', 'admin', 'member', 'viewer'] as const;
export type MemberRole = (typeof ROLES)[number];
export const INVITABLE_ROLES = ['admin', 'member', 'viewer'] as const;

export const ROLE_DESCRIPTIONS: Record<MemberRole, string> = {
  owner: 'Everything, including billing and deleting the tenant',
  admin: 'Manage members, WhatsApp accounts, templates and campaigns',
  member: 'Create and run campaigns, manage contacts and templates',
  viewer: 'Read-only access to campaigns and reports',
};

export function canManageMembers(role: string): boolean {
  return role === 'owner' || role === 'admin';
}

/** Roles the actor may give another member (owners may hand over ownership; admins may not touch owners). */
export function assignableRoles(actorRole: string, targetRole: string): MemberRole[] {
  if (actorRole === 'owner') return [...ROLES];
  if (actorRole === 'admin' && targetRole !== 'owner') return ['admin', 'member', 'viewer'];
  return [];
}

export function canChangeRole(actorRole: string, target: { role: string; isSelf: boolean }): boolean {
  return !target.isSelf && assignableRoles(actorRole, target.role).length > 0;
}

export function canRemoveMember(actorRole: string, target: { role: string; isSelf: boolean }): boolean {
  if (target.isSelf) return false;
  if (actorRole === 'owner') return true;
  return actorRole === 'admin' && target.role !== 'owner';
}
