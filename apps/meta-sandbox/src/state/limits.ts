/**
 * The three limits Meta enforces on sending, as pure state machines over a caller-given `now`
 * (milliseconds) so they are tested without timers.
 * @see ../shared/meta/README.md (beside the repository) §3.1–3.3
 */

/** Per-number throughput (130429): a bucket of `ratePerSecond` tokens, refilled continuously. */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(private ratePerSecond: number, now: number) {
    this.tokens = ratePerSecond;
    this.updatedAt = now;
  }

  /** The level can change (THROUGHPUT_UPGRADE, a scenario); keep the tokens already earned. */
  setRate(ratePerSecond: number): void {
    if (ratePerSecond === this.ratePerSecond) return;
    this.ratePerSecond = ratePerSecond;
    this.tokens = Math.min(this.tokens, ratePerSecond);
  }

  tryTake(now: number): boolean {
    const elapsed = Math.max(0, now - this.updatedAt) / 1000;
    this.tokens = Math.min(this.ratePerSecond, this.tokens + elapsed * this.ratePerSecond);
    this.updatedAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

export interface PairLimitConfig {
  /** Steady rate: one message per interval (Meta: ~6 s). */
  intervalMs: number;
  /** Messages allowed in one burst (Meta: 45)… */
  burst: number;
  /** …within this window from the burst's first message (Meta: 6 s). */
  burstWindowMs: number;
}

/**
 * Same business number → same user (131056). Meta allows bursts "borrowed from future quota":
 * a burst may start only when no quota is owed, may hold `burst` messages within
 * `burstWindowMs`, and each message owes one interval — so a burst of 20 at 6 s means the next
 * message waits until 2 minutes after the burst began.
 */
export class PairLimiter {
  private burstStart = -Infinity;
  private inBurst = 0;
  /** When the quota borrowed so far is repaid. */
  private repaidAt = -Infinity;

  tryTake(now: number, config: PairLimitConfig): boolean {
    if (now >= this.repaidAt) {
      this.burstStart = now;
      this.inBurst = 1;
      this.repaidAt = now + config.intervalMs;
      return true;
    }
    if (now < this.burstStart + config.burstWindowMs && this.inBurst < config.burst) {
      this.inBurst += 1;
      this.repaidAt += config.intervalMs;
      return true;
    }
    return false;
  }

  /** Milliseconds until the next message would be accepted (0 when now). */
  waitMs(now: number): number {
    return Math.max(0, this.repaidAt - now);
  }
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Unique recipients per moving 24 h (the portfolio messaging limit). A recipient counts once
 * from the first business-initiated message; messaging them again inside the window is free.
 */
export class RollingUniqueWindow {
  /** Insertion-ordered, so the oldest entries are at the front and expire first. */
  private readonly firstSeen = new Map<string, number>();

  constructor(private readonly windowMs = DAY_MS) {}

  private expire(now: number): void {
    for (const [recipient, at] of this.firstSeen) {
      if (at > now - this.windowMs) break;
      this.firstSeen.delete(recipient);
    }
  }

  /** Counts `recipient` if the limit allows; false means Meta would not deliver. */
  tryCount(recipient: string, limit: number, now: number): boolean {
    this.expire(now);
    if (this.firstSeen.has(recipient)) return true;
    if (this.firstSeen.size >= limit) return false;
    this.firstSeen.set(recipient, now);
    return true;
  }

  used(now: number): number {
    this.expire(now);
    return this.firstSeen.size;
  }
}
