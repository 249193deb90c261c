/**
 * The adaptive send rate of one phone number: a token bucket (virtual scheduling, so a caller
 * learns *when* each message may go instead of polling) whose rate moves AIMD-style — halved on
 * a throttling answer, grown additively while sends succeed — between `minRate` and `maxRate`
 * (the account's throughput, capped by an admin's ceiling). Pure: time is an argument.
 * @see https://en.wikipedia.org/wiki/Additive_increase/multiplicative_decrease
 * @see https://en.wikipedia.org/wiki/Generic_cell_rate_algorithm
 */

export interface TokenBucketOptions {
  /** Messages per second to start at (persisted rate, or the account's throughput). */
  rate: number;
  /** The account's throughput (Meta's limit for the number). */
  accountMax: number;
  /** An admin's ceiling; null = none. */
  ceiling?: number | null;
  minRate?: number;
  /** Idle time that may be spent at once as a burst, in seconds of the current rate. */
  burstSeconds?: number;
  /** How much the rate grows per second of successful sending at full rate. */
  increasePerSecond?: number;
  /** Throttling answers within this window after a halving belong to the same burst. */
  halveCooldownMs?: number;
}

export class AdaptiveTokenBucket {
  private currentRate: number;
  private accountMax: number;
  private ceilingValue: number | null;
  private readonly minRate: number;
  private readonly burstSeconds: number;
  private readonly increasePerSecond: number;
  private readonly cooldownMs: number;
  /** When the next message may go (ms since the epoch). */
  private next = Number.NEGATIVE_INFINITY;
  private lastHalvedAt = Number.NEGATIVE_INFINITY;
  /** Set by every change of the rate; the registry persists and clears it. */
  dirty = false;

  constructor(options: TokenBucketOptions) {
    this.minRate = options.minRate ?? 1;
    this.burstSeconds = options.burstSeconds ?? 0.1;
    this.increasePerSecond = options.increasePerSecond ?? 1;
    this.cooldownMs = options.halveCooldownMs ?? 1_000;
    this.accountMax = Math.max(this.minRate, options.accountMax);
    this.ceilingValue = options.ceiling ?? null;
    this.currentRate = this.clamp(options.rate);
  }

  get rate(): number {
    return this.currentRate;
  }

  get ceiling(): number | null {
    return this.ceilingValue;
  }

  get maxRate(): number {
    return Math.max(this.minRate, Math.min(this.accountMax, this.ceilingValue ?? Number.POSITIVE_INFINITY));
  }

  /**
   * Reserves send times for up to `count` messages, none later than `now + horizonMs`.
   * Returns the delay of each reserved message (ascending); the rest must wait for a later try.
   */
  reserve(count: number, now: number, horizonMs: number): number[] {
    const interval = 1_000 / this.currentRate;
    // Idle time accrues credit only up to the burst allowance.
    let at = Math.max(this.next, now - this.burstSeconds * 1_000);
    const delays: number[] = [];
    while (delays.length < count && at - now <= horizonMs) {
      delays.push(Math.max(0, at - now));
      at += interval;
    }
    if (delays.length > 0) this.next = at;
    return delays;
  }

  /** A throttling answer (130429, 80007, 131056, 131048): halve, once per burst. True if it changed. */
  onThrottled(now: number): boolean {
    if (now - this.lastHalvedAt < this.cooldownMs) return false;
    this.lastHalvedAt = now;
    const before = this.currentRate;
    this.currentRate = this.clamp(this.currentRate / 2);
    // Meta answers "over the limit until back under": leave a gap before the next message.
    this.next = Math.max(this.next, now + 1_000 / this.currentRate);
    this.dirty ||= before !== this.currentRate;
    return before !== this.currentRate;
  }

  /** A success: grows by `increasePerSecond` per second of sending at the current rate. */
  onSuccess(): void {
    const before = this.currentRate;
    this.currentRate = this.clamp(this.currentRate + this.increasePerSecond / this.currentRate);
    this.dirty ||= before !== this.currentRate;
  }

  /** An admin's new ceiling (null lifts it); takes effect for the next reservation. */
  setCeiling(ceiling: number | null): void {
    this.ceilingValue = ceiling;
    this.applyLimit();
  }

  setAccountMax(accountMax: number): void {
    this.accountMax = Math.max(this.minRate, accountMax);
    this.applyLimit();
  }

  private applyLimit(): void {
    const before = this.currentRate;
    this.currentRate = this.clamp(this.currentRate);
    this.dirty ||= before !== this.currentRate;
  }

  private clamp(rate: number): number {
    if (!Number.isFinite(rate) || rate <= 0) return this.maxRate;
    return Math.min(this.maxRate, Math.max(this.minRate, rate));
  }
}
