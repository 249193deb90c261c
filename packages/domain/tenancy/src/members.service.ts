/** Members of a tenant: list, invite, change roles, remove, and invitations end to end. */
import { Invitation, LockMode, Membership, type Tenant, User, type EntityManager, type TenantRole } from '@dbulk/db';
import { canAssignRole, generateToken, hashToken } from '@dbulk/auth';
import { recordAudit, type AuditActor } from '@dbulk/domain-platform';
import { TenancyErrors } from './tenancy.errors';
import { toMemberDto, type MemberDto } from './tenancy.dto';

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface TenantActor extends AuditActor {
  userId: string;
  tenantId: string;
  role: TenantRole;
}

export async function listMembers(em: EntityManager, tenantId: string): Promise<MemberDto[]> {
  const rows = await em.find(Membership, { tenant: tenantId }, { populate: ['user'], orderBy: { createdAt: 'asc' } });
  return rows.map(toMemberDto);
}

export async function inviteMember(
  em: EntityManager,
  actor: TenantActor,
  input: { email: string; role: TenantRole },
): Promise<{ invitationId: string; token: string; acceptPath: string; expiresAt: string }> {
  const email = input.email.trim().toLowerCase();
  if (!canAssignRole(actor.role, 'viewer', input.role)) throw TenancyErrors.cannotAssign(input.role);
  return em.transactional(async (tx) => {
    const existing = await tx.findOne(Membership, { tenant: actor.tenantId, user: { email } });
    if (existing) throw TenancyErrors.alreadyMember(email);
    const token = generateToken();
    const invitation = tx.create(Invitation, {
      tenant: actor.tenantId,
      email,
      role: input.role,
      tokenHash: hashToken(token),
      invitedBy: actor.userId,
      expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
    });
    await tx.flush();
    await recordAudit(tx, actor, {
      tenantId: actor.tenantId,
      action: 'member.invited',
      targetType: 'invitation',
      targetId: invitation.id,
      changes: { after: { email, role: input.role } },
    });
    return { invitationId: invitation.id, token, acceptPath: `/invitations/${token}`, expiresAt: invitation.expiresAt.toISOString() };
  });
}

export async function listInvitations(em: EntityManager, tenantId: string) {
  const rows = await em.find(
    Invitation,
    { tenant: tenantId, acceptedAt: null, revokedAt: null, expiresAt: { $gt: new Date() } },
    { populate: ['invitedBy'], orderBy: { createdAt: 'desc' } },
  );
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    role: row.role,
    expiresAt: row.expiresAt.toISOString(),
    invitedByEmail: (row.invitedBy as unknown as User | null)?.email ?? null,
  }));
}

export async function revokeInvitation(em: EntityManager, actor: TenantActor, invitationId: string): Promise<void> {
  await em.transactional(async (tx) => {
    // Scoped by tenant: another tenant's invitation id is simply not found.
    const invitation = await tx.findOne(Invitation, { id: invitationId, tenant: actor.tenantId });
    if (!invitation) throw TenancyErrors.invitationNotFound();
    if (invitation.acceptedAt) throw TenancyErrors.invitationUnusable('was already accepted');
    invitation.revokedAt = new Date();
    await tx.flush();
    await recordAudit(tx, actor, { tenantId: actor.tenantId, action: 'member.invitation_revoked', targetType: 'invitation', targetId: invitationId });
  });
}

async function ownerCount(tx: EntityManager, tenantId: string): Promise<number> {
  return tx.count(Membership, { tenant: tenantId, role: 'owner' });
}

export async function changeRole(em: EntityManager, actor: TenantActor, userId: string, role: TenantRole): Promise<MemberDto> {
  return em.transactional(async (tx) => {
    const membership = await tx.findOne(Membership, { tenant: actor.tenantId, user: userId }, { populate: ['user'], lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!membership) throw TenancyErrors.memberNotFound(userId);
    const from = membership.role;
    if (!canAssignRole(actor.role, from, role)) throw TenancyErrors.cannotAssign(from === 'owner' ? from : role);
    if (from === 'owner' && role !== 'owner' && (await ownerCount(tx, actor.tenantId)) <= 1) throw TenancyErrors.lastOwner();
    membership.role = role;
    await tx.flush();
    await recordAudit(tx, actor, {
      tenantId: actor.tenantId,
      action: 'member.role_changed',
      targetType: 'user',
      targetId: userId,
      changes: { before: { role: from }, after: { role } },
    });
    return toMemberDto(membership);
  });
}

export async function removeMember(em: EntityManager, actor: TenantActor, userId: string): Promise<void> {
  await em.transactional(async (tx) => {
    const membership = await tx.findOne(Membership, { tenant: actor.tenantId, user: userId });
    if (!membership) throw TenancyErrors.memberNotFound(userId);
    if (membership.role === 'owner' && actor.role !== 'owner') throw TenancyErrors.cannotAssign('owner');
    if (membership.role === 'owner' && (await ownerCount(tx, actor.tenantId)) <= 1) throw TenancyErrors.lastOwner();
    tx.remove(membership);
    await tx.flush();
    await recordAudit(tx, actor, {
      tenantId: actor.tenantId,
      action: 'member.removed',
      targetType: 'user',
      targetId: userId,
      changes: { before: { role: membership.role } },
    });
  });
}

function usability(invitation: Invitation): string | null {
  if (invitation.revokedAt) return 'was revoked';
  if (invitation.acceptedAt) return 'was already accepted';
  if (invitation.expiresAt.getTime() <= Date.now()) return 'has expired';
  return null;
}

export async function invitationByToken(em: EntityManager, token: string) {
  const invitation = await em.findOne(Invitation, { tokenHash: hashToken(token) }, { populate: ['tenant'] });
  if (!invitation) throw TenancyErrors.invitationNotFound();
  return {
    tenantName: (invitation.tenant as unknown as Tenant).name,
    email: invitation.email,
    role: invitation.role,
    expired: invitation.expiresAt.getTime() <= Date.now() || invitation.revokedAt !== null,
    accepted: invitation.acceptedAt !== null,
  };
}

/** Inside the caller's transaction: turns an invitation into a membership for the actor. */
export async function acceptInvitationTx(tx: EntityManager, actor: AuditActor, token: string): Promise<string> {
  const invitation = await tx.findOne(Invitation, { tokenHash: hashToken(token) }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!invitation) throw TenancyErrors.invitationNotFound();
  const problem = usability(invitation);
  if (problem) throw TenancyErrors.invitationUnusable(problem);
  if (actor.email && invitation.email !== actor.email) throw TenancyErrors.invitationEmailMismatch(invitation.email);
  const tenantId = invitation.tenant.id;
  if (!(await tx.count(Membership, { tenant: tenantId, user: actor.userId! }))) {
    tx.create(Membership, { tenant: tenantId, user: actor.userId!, role: invitation.role });
  }
  invitation.acceptedAt = new Date();
  invitation.acceptedBy = tx.getReference(User, actor.userId!);
  await tx.flush();
  await recordAudit(tx, actor, {
    tenantId,
    action: 'member.joined',
    targetType: 'user',
    targetId: actor.userId!,
    changes: { after: { role: invitation.role, invitationId: invitation.id } },
  });
  return tenantId;
}

export function acceptInvitation(em: EntityManager, actor: AuditActor & { userId: string }, token: string): Promise<string> {
  return em.transactional((tx) => acceptInvitationTx(tx, actor, token));
}
