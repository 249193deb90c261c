/**
 * Accounts: sign-up (with a new tenant or through an invitation), sign-in with throttling,
 * password change that revokes the other sessions, and the first platform admin.
 */
import { User, type EntityManager } from '@dbulk/db';
import {
  ACCOUNT_POLICY,
  IP_POLICY,
  accountKey,
  assertNotThrottled,
  assertPasswordStrength,
  clearFailures,
  hashPassword,
  invalidateUserSessions,
  ipKey,
  recordFailure,
  verifyAgainstDummy,
  verifyPassword,
} from '@dbulk/auth';
import { recordAudit, type AuditActor } from '@dbulk/domain-platform';
import { TenancyErrors } from './tenancy.errors';
import { acceptInvitationTx } from './members.service';
import { createTenantTx } from './tenants.service';

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export interface SignUpInput {
  email: string;
  password: string;
  name: string;
  tenantName?: string;
  invitationToken?: string;
}

export async function signUp(em: EntityManager, input: SignUpInput, ip: string | null): Promise<{ user: User; tenantId: string }> {
  const email = normaliseEmail(input.email);
  assertPasswordStrength(input.password);
  if (!input.name.trim()) throw TenancyErrors.nameRequired('name');
  if (!input.invitationToken && !input.tenantName?.trim()) throw TenancyErrors.nameRequired('tenantName');
  const passwordHash = await hashPassword(input.password);
  return em.transactional(async (tx) => {
    if (await tx.count(User, { email })) throw TenancyErrors.emailTaken();
    const user = tx.create(User, { email, name: input.name.trim(), passwordHash, isPlatformAdmin: false });
    await tx.flush();
    const actor: AuditActor = { userId: user.id, email, ip };
    await recordAudit(tx, actor, { tenantId: null, action: 'user.signed_up', targetType: 'user', targetId: user.id });
    const tenantId = input.invitationToken
      ? await acceptInvitationTx(tx, actor, input.invitationToken)
      : (await createTenantTx(tx, actor, input.tenantName!)).id;
    return { user, tenantId };
  });
}

/** Same answer and the same argon2 work for an unknown email and a wrong password. */
export async function signIn(em: EntityManager, email: string, password: string, ip: string | null): Promise<User> {
  const normalised = normaliseEmail(email);
  const keys = [accountKey(normalised), ...(ip ? [ipKey(ip)] : [])];
  await assertNotThrottled(em, keys);
  const user = await em.findOne(User, { email: normalised });
  const ok = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
  if (!user || !ok) {
    await recordFailure(em, accountKey(normalised), ACCOUNT_POLICY);
    if (ip) await recordFailure(em, ipKey(ip), IP_POLICY);
    throw TenancyErrors.invalidCredentials();
  }
  await clearFailures(em, accountKey(normalised));
  await recordAudit(em, { userId: user.id, email: user.email, ip }, { tenantId: null, action: 'user.signed_in', targetType: 'user', targetId: user.id });
  return user;
}

export async function changePassword(
  em: EntityManager,
  actor: AuditActor & { userId: string },
  input: { currentPassword: string; newPassword: string; keepSessionId: string },
): Promise<void> {
  assertPasswordStrength(input.newPassword, 'newPassword');
  const user = await em.findOneOrFail(User, { id: actor.userId });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw TenancyErrors.invalidCredentials();
  }
  const passwordHash = await hashPassword(input.newPassword);
  await em.transactional(async (tx) => {
    await tx.nativeUpdate(User, { id: user.id }, { passwordHash, passwordChangedAt: new Date() });
    const revoked = await invalidateUserSessions(tx, user.id, input.keepSessionId);
    await recordAudit(tx, actor, {
      tenantId: null,
      action: 'user.password_changed',
      targetType: 'user',
      targetId: user.id,
      changes: { after: { otherSessionsRevoked: revoked } },
    });
  });
}

/** Creates or promotes a platform admin; used by `dbulk create-admin` (see README). */
export async function ensurePlatformAdmin(em: EntityManager, input: { email: string; password: string; name?: string }): Promise<{ user: User; created: boolean }> {
  const email = normaliseEmail(input.email);
  assertPasswordStrength(input.password);
  const passwordHash = await hashPassword(input.password);
  return em.transactional(async (tx) => {
    const existing = await tx.findOne(User, { email });
    const actor: AuditActor = { userId: existing?.id ?? null, email: 'cli', ip: null };
    if (existing) {
      existing.isPlatformAdmin = true;
      existing.passwordHash = passwordHash;
      await tx.flush();
      await recordAudit(tx, actor, { tenantId: null, action: 'admin.granted', targetType: 'user', targetId: existing.id });
      return { user: existing, created: false };
    }
    const user = tx.create(User, { email, name: input.name ?? 'Platform admin', passwordHash, isPlatformAdmin: true });
    await tx.flush();
    await recordAudit(tx, actor, { tenantId: null, action: 'admin.created', targetType: 'user', targetId: user.id });
    return { user, created: true };
  });
}
