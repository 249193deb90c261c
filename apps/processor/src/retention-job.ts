/**
 * Runs the webhook_events retention now and then, inside the processor (no extra deployment).
 * Replicas may all run it: the delete takes an advisory lock, so one works and the rest skip.
 * Stopping waits for a run in progress, so shutdown never cuts a delete batch in half.
 */
import type { Logger } from '@dbulk/logger';

export class RetentionJob {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly prune: () => Promise<number>,
    private readonly options: { intervalMs: number; firstRunMs?: number; logger: Logger; onDeleted?: (count: number) => void },
  ) {}

  start(): void {
    if (this.options.intervalMs <= 0) return;
    this.schedule(this.options.firstRunMs ?? 60_000);
  }

  /** One run now (also what the timer calls); errors are logged, the next run tries again. */
  runOnce(): Promise<void> {
    this.running ??= (async () => {
      const started = Date.now();
      try {
        const deleted = await this.prune();
        this.options.onDeleted?.(deleted);
        this.options.logger.info({ deleted, ms: Date.now() - started }, 'webhook_events retention done');
      } catch (err) {
        this.options.logger.warn({ err }, 'webhook_events retention failed; will try again');
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(ms: number) {
    this.timer = setTimeout(() => {
      void this.runOnce().then(() => {
        if (!this.stopped) this.schedule(this.options.intervalMs);
      });
    }, ms);
    this.timer.unref();
  }
}
