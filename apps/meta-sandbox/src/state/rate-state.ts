/**
 * The live limiter instances: one token bucket per phone number, one pair limiter per
 * (number, user), one rolling 24 h window per business portfolio.
 */
import { PairLimiter, RollingUniqueWindow, TokenBucket, type PairLimitConfig } from './limits';

export class RateState {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly pairs = new Map<string, PairLimiter>();
  private readonly reach = new Map<string, RollingUniqueWindow>();
  /** Recipients the messaging limit stopped, per portfolio, for the control API. */
  readonly dropped = new Map<string, number>();

  throughput(phoneNumberId: string, mps: number, now: number): boolean {
    let bucket = this.buckets.get(phoneNumberId);
    if (!bucket) {
      bucket = new TokenBucket(mps, now);
      this.buckets.set(phoneNumberId, bucket);
    }
    bucket.setRate(mps);
    return bucket.tryTake(now);
  }

  pair(phoneNumberId: string, waId: string, config: PairLimitConfig, now: number): boolean {
    const key = `${phoneNumberId}:${waId}`;
    let limiter = this.pairs.get(key);
    if (!limiter) {
      limiter = new PairLimiter();
      this.pairs.set(key, limiter);
    }
    return limiter.tryTake(now, config);
  }

  /** False when the portfolio already reached `limit` unique users in the last 24 h. */
  countRecipient(portfolioId: string, waId: string, limit: number, now: number): boolean {
    const allowed = this.window(portfolioId).tryCount(waId, limit, now);
    if (!allowed) this.dropped.set(portfolioId, (this.dropped.get(portfolioId) ?? 0) + 1);
    return allowed;
  }

  used(portfolioId: string, now: number): number {
    return this.window(portfolioId).used(now);
  }

  private window(portfolioId: string): RollingUniqueWindow {
    let window = this.reach.get(portfolioId);
    if (!window) {
      window = new RollingUniqueWindow();
      this.reach.set(portfolioId, window);
    }
    return window;
  }
}
