/**
 * Sign-in throttling per account and per client IP, kept in PostgreSQL so all api replicas
 * agree. A key that fails too often inside the window is locked for a while; success on the
 * account clears its counter (not the IP's).
 */
import { AuthThrottle, type EntityManager } from '@dbulk/db';
import { rateLimited } from '@dbulk/errors';

export interface ThrottlePolicy {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

export const ACCOUNT_POLICY: ThrottlePolicy = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
export const IP_POLICY: ThrottlePolicy = { maxFailures: 50, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

export const accountKey = (email: string) => `email:${email.trim().toLowerCase()}`;
export const ipKey = (ip: string) => `ip:${ip}`;

export async function assertNotThrottled(em: EntityManager, keys: string[], now = new Date()): Promise<void> {
  const rows = await em.find(AuthThrottle, { key: { $in: keys }, lockedUntil: { $gt: now } });
  const longest = rows.reduce((max, row) => Math.max(max, row.lockedUntil!.getTime() - now.getTime()), 0);
  if (longest > 0) {
    const retryAfter = Math.ceil(longest / 1000);
    throw rateLimited('LOGIN_THROTTLED', `too many failed sign-ins; try again in ${Math.ceil(retryAfter / 60)} minute(s)`, {
      retryAfter,
    });
  }
}

/** One atomic upsert per key: counts the failure and locks the key when it crosses the policy. */
export async function recordFailure(em: EntityManager, key: string, policy: ThrottlePolicy, now = new Date()): Promise<void> {
  await em.getConnection().execute(
    `insert into auth_throttles (key, failures, window_started_at, locked_until)
     values (?, 1, ?, null)
     on conflict (key) do update set
       failures = case when auth_throttles.window_started_at < ?::timestamptz then 1 else auth_throttles.failures + 1 end,
       window_started_at = case when auth_throttles.window_started_at < ?::timestamptz then excluded.window_started_at else auth_throttles.window_started_at end,
       locked_until = case
         when auth_throttles.window_started_at >= ?::timestamptz and auth_throttles.failures + 1 >= ? then ?::timestamptz
         else auth_throttles.locked_until end`,
    [key, now, new Date(now.getTime() - policy.windowMs), new Date(now.getTime() - policy.windowMs),
      new Date(now.getTime() - policy.windowMs), policy.maxFailures, new Date(now.getTime() + policy.lockMs)],
  );
}

export async function clearFailures(em: EntityManager, key: string): Promise<void> {
  await em.nativeDelete(AuthThrottle, { key });
}
