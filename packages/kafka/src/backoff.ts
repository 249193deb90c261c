/**
 * Bounded exponential backoff with jitter for transient consumer errors, and a sleep that keeps
 * the group membership alive (heartbeats) and ends early on shutdown or rebalance.
 * @see https://kafka.js.org/docs/consuming#a-name-each-batch-a-eachbatch
 */
export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
  factor: number;
  /** ± this fraction of the delay, so a fleet of consumers does not retry in lockstep. */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 200, maxMs: 30_000, factor: 2, jitter: 0.2 };

/** Delay before retry number `attempt` (1-based): initial·factor^(attempt-1), capped, jittered. */
export function backoffDelay(attempt: number, options: Partial<BackoffOptions> = {}, random = Math.random): number {
  const { initialMs, maxMs, factor, jitter } = { ...DEFAULT_BACKOFF, ...options };
  const exponent = Math.max(0, Math.floor(attempt) - 1);
  // Cap the exponent first so large attempt counts never overflow to Infinity.
  const base = Math.min(maxMs, initialMs * Math.pow(factor, Math.min(exponent, 64)));
  const spread = base * jitter * (2 * random() - 1);
  return Math.round(Math.min(maxMs, Math.max(0, base + spread)));
}

export interface PatientSleepOptions {
  heartbeat: () => Promise<void>;
  /** Checked every slice; true ends the sleep early (shutdown, rebalance). */
  shouldStop: () => boolean;
  sliceMs?: number;
}

/** Sleeps `ms` in slices, heartbeating between them; resolves false when stopped early. */
export async function patientSleep(ms: number, { heartbeat, shouldStop, sliceMs = 500 }: PatientSleepOptions) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (shouldStop()) return false;
    await new Promise((resolve) => setTimeout(resolve, Math.min(sliceMs, until - Date.now())));
    await heartbeat();
  }
  return true;
}
