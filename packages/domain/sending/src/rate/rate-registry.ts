/**
 * One AdaptiveTokenBucket per phone number this sender replica sends from. State survives
 * restarts through `send_rates`: loaded on first use (rate and ceiling), written on every
 * halving at once and otherwise every `flushIntervalMs` while it changes.
 */
import type { EntityManager, MikroORM } from '@dbulk/db';
import type { Logger } from '@dbulk/logger';
import { SendWindow } from './send-window';
import { AdaptiveTokenBucket, type TokenBucketOptions } from './token-bucket';

type BucketTuning = Omit<TokenBucketOptions, 'rate' | 'accountMax' | 'ceiling'>;

interface RateRow {
  phone_number_id: string;
  rate: number;
  ceiling: number | null;
}

export class RateRegistry {
  private readonly buckets = new Map<string, AdaptiveTokenBucket>();
  private readonly throttledAt = new Map<string, Date>();
  private readonly windows = new Map<string, SendWindow>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly orm: MikroORM,
    private readonly logger: Logger,
    private readonly tuning: BucketTuning = {},
    private readonly flushIntervalMs = 2_000,
  ) {}

  get(phoneNumberId: string): AdaptiveTokenBucket | undefined {
    return this.buckets.get(phoneNumberId);
  }

  entries(): [string, AdaptiveTokenBucket][] {
    return [...this.buckets.entries()];
  }

  /**
   * The most sends of the number allowed in any sliding second: the current rate with the
   * bucket's burst allowance, never above the number's limit (Meta's throughput or the ceiling).
   * Sends reserved before a halving or a new ceiling are held back by it.
   */
  windowLimit(phoneNumberId: string): number {
    const bucket = this.buckets.get(phoneNumberId);
    return bucket ? Math.max(1, Math.floor(Math.min(bucket.maxRate, bucket.rate * 1.1))) : Infinity;
  }

  private window(phoneNumberId: string): SendWindow {
    let window = this.windows.get(phoneNumberId);
    if (!window) this.windows.set(phoneNumberId, (window = new SendWindow()));
    return window;
  }

  /** How long until the number's window has room for one more send (0: now). */
  windowWaitMs(phoneNumberId: string, now = Date.now()): number {
    return this.window(phoneNumberId).waitMs(this.windowLimit(phoneNumberId), now);
  }

  /** Takes a place in the window if there is one, right before the request leaves. */
  tryEnterWindow(phoneNumberId: string, now = Date.now()): boolean {
    if (this.windowWaitMs(phoneNumberId, now) > 0) return false;
    this.window(phoneNumberId).record(now);
    return true;
  }

  /** Loads the numbers not known yet (one query); `accountMax` is whatsapp_accounts.throughput_mps. */
  async ensure(
    em: EntityManager,
    numbers: readonly { phoneNumberId: string; accountMax: number }[],
  ): Promise<void> {
    const missing = numbers.filter((n) => !this.buckets.has(n.phoneNumberId));
    if (missing.length === 0) return;
    const rows = await this.read(
      em,
      missing.map((n) => n.phoneNumberId),
    );
    for (const n of missing) {
      const row = rows.get(n.phoneNumberId);
      this.buckets.set(
        n.phoneNumberId,
        new AdaptiveTokenBucket({
          ...this.tuning,
          rate: row?.rate ?? n.accountMax,
          accountMax: n.accountMax,
          ceiling: row?.ceiling ?? null,
        }),
      );
    }
  }

  /** An admin changed the ceiling (`dbulk.control` rate record): re-read it. */
  async reload(phoneNumberId: string): Promise<void> {
    const bucket = this.buckets.get(phoneNumberId);
    if (!bucket) return;
    const row = (await this.read(this.orm.em.fork(), [phoneNumberId])).get(phoneNumberId);
    bucket.setCeiling(row?.ceiling ?? null);
  }

  /** A throttling answer: halve and persist right away (a restart must not start fast again). */
  throttled(phoneNumberId: string, now = Date.now()): void {
    const bucket = this.buckets.get(phoneNumberId);
    if (!bucket?.onThrottled(now)) return;
    this.throttledAt.set(phoneNumberId, new Date(now));
    void this.flush().catch((err: unknown) =>
      this.logger.warn({ err, phoneNumberId }, 'could not persist a halved rate'),
    );
  }

  start(): void {
    this.timer ??= setInterval(() => {
      this.flush().catch((err: unknown) => this.logger.warn({ err }, 'could not persist send rates'));
    }, this.flushIntervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  /** Upserts every changed rate; the ceiling column belongs to admins and is never written here. */
  async flush(): Promise<void> {
    const dirty = this.entries().filter(([, b]) => b.dirty);
    if (dirty.length === 0) return;
    for (const [, b] of dirty) b.dirty = false;
    const rows = dirty.map(([id, b]) => ({
      id,
      rate: b.rate,
      throttled_at: this.throttledAt.get(id)?.toISOString() ?? null,
    }));
    try {
      await this.orm.em.fork().execute(
        `insert into send_rates (phone_number_id, rate, last_throttled_at, updated_at)
         select r.id, r.rate, r.throttled_at, now() from jsonb_to_recordset(?::jsonb) as r(id text, rate float8, throttled_at timestamptz)
         on conflict (phone_number_id) do update set rate = excluded.rate, updated_at = now(),
           last_throttled_at = coalesce(excluded.last_throttled_at, send_rates.last_throttled_at)`,
        [JSON.stringify(rows)],
        'run',
      );
    } catch (err) {
      for (const [, b] of dirty) b.dirty = true;
      throw err;
    }
  }

  private async read(em: EntityManager, ids: string[]): Promise<Map<string, RateRow>> {
    const rows = await em.execute<RateRow[]>(
      `select phone_number_id, rate, ceiling from send_rates where phone_number_id in (select jsonb_array_elements_text(?::jsonb))`,
      [JSON.stringify(ids)],
    );
    return new Map(
      rows.map((r) => [
        r.phone_number_id,
        { ...r, rate: Number(r.rate), ceiling: r.ceiling === null ? null : Number(r.ceiling) },
      ]),
    );
  }
}
