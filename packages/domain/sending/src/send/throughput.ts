/**
 * Sends per phone number, published about once a second as `sender.throughput` on dbulk.events
 * ({phoneNumberId, tenantId, sent, windowMs, rate}) for the admins' live chart.
 */
import type { TypedProducer } from '@dbulk/kafka';
import type { Logger } from '@dbulk/logger';

export class ThroughputMeter {
  private counts = new Map<string, { tenantId: string; sent: number }>();
  private windowStart = Date.now();
  private timer: NodeJS.Timeout | undefined;
  /** Every send since start, per number (metrics). */
  readonly totals = new Map<string, number>();

  constructor(
    private readonly producer: TypedProducer,
    private readonly logger: Logger,
    private readonly rateOf: (phoneNumberId: string) => number | undefined,
    private readonly intervalMs = 1_000,
  ) {}

  record(phoneNumberId: string, tenantId: string): void {
    const entry = this.counts.get(phoneNumberId);
    if (entry) entry.sent++;
    else this.counts.set(phoneNumberId, { tenantId, sent: 1 });
    this.totals.set(phoneNumberId, (this.totals.get(phoneNumberId) ?? 0) + 1);
  }

  start(): void {
    this.timer ??= setInterval(() => void this.publish(), this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.publish();
  }

  async publish(): Promise<void> {
    const counts = this.counts;
    const windowMs = Date.now() - this.windowStart;
    this.counts = new Map();
    this.windowStart = Date.now();
    if (counts.size === 0) return;
    const at = new Date().toISOString();
    const records = [...counts].map(([phoneNumberId, { tenantId, sent }]) => ({
      key: tenantId,
      value: { tenantId, type: 'sender.throughput', at, data: { phoneNumberId, tenantId, sent, windowMs, rate: this.rateOf(phoneNumberId) ?? null } },
    }));
    await this.producer.send('dbulk.events', records).catch((err: unknown) => this.logger.warn({ err }, 'could not publish throughput'));
  }
}
