/**
 * Sessions: create, validate (with sliding expiry), revoke. Only token hashes touch the database.
 * @see https://lucia-auth.com/sessions/basic
 */
import { Session, type User, type EntityManager } from '@dbulk/db';
import { generateToken, hashToken, SESSION_TTL_MS, shouldRenew } from './session-token';

export interface SessionMeta {
  ip?: string | null;
  userAgent?: string | null;
  tenantId?: string | null;
}

export interface IssuedSession {
  token: string;
  sessionId: string;
  expiresAt: Date;
}

export interface ValidSession {
  session: Session;
  user: User;
  /** Set when the expiry moved, so the caller refreshes the cookie. */
  renewed: boolean;
}

export async function createSession(em: EntityManager, userId: string, meta: SessionMeta = {}): Promise<IssuedSession> {
  const token = generateToken();
  const sessionId = hashToken(token);
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  em.create(Session, {
    id: sessionId,
    user: userId,
    currentTenant: meta.tenantId ?? null,
    expiresAt,
    createdAt: new Date(),
    ip: meta.ip?.slice(0, 64) ?? null,
    userAgent: meta.userAgent?.slice(0, 512) ?? null,
  });
  await em.flush();
  return { token, sessionId, expiresAt };
}

export async function validateSessionToken(em: EntityManager, token: string, now = new Date()): Promise<ValidSession | null> {
  if (!/^[a-z2-7]{32}$/.test(token)) return null;
  const session = await em.findOne(Session, { id: hashToken(token) }, { populate: ['user'] });
  if (!session) return null;
  if (session.expiresAt.getTime() <= now.getTime()) {
    await em.nativeDelete(Session, { id: session.id });
    return null;
  }
  let renewed = false;
  if (shouldRenew(session.expiresAt, now)) {
    session.expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
    await em.nativeUpdate(Session, { id: session.id }, { expiresAt: session.expiresAt });
    renewed = true;
  }
  return { session, user: session.user as unknown as User, renewed };
}

export async function invalidateSession(em: EntityManager, sessionId: string): Promise<void> {
  await em.nativeDelete(Session, { id: sessionId });
}

/** Revokes every session of a user, optionally keeping one (the one that changed the password). */
export async function invalidateUserSessions(em: EntityManager, userId: string, exceptSessionId?: string): Promise<number> {
  return em.nativeDelete(Session, exceptSessionId ? { user: userId, id: { $ne: exceptSessionId } } : { user: userId });
}

export async function setSessionTenant(em: EntityManager, sessionId: string, tenantId: string | null): Promise<void> {
  await em.nativeUpdate(Session, { id: sessionId }, { currentTenant: tenantId });
}

export async function deleteExpiredSessions(em: EntityManager, now = new Date()): Promise<number> {
  return em.nativeDelete(Session, { expiresAt: { $lte: now } });
}
