/**
 * Every few seconds, applies statuses parked because their wamid was unknown when they arrived
 * and is known now. The webhook's transaction and the sender's ACCEPTED write can overlap so
 * that neither sees the other (the sender's applyParkedStatuses runs before the webhook's row is
 * committed; the webhook's match runs before the wamid is); this closes that gap. Cheap when
 * idle: parked statuses of the last hour whose message exists, at most a thousand a run.
 * Replicas may all run it: applyStatuses locks the messages it moves and is idempotent.
 */
import { publishProgress, sweepParkedStatuses, type CampaignProducer } from '@dbulk/domain-campaigns';
import type { MikroORM } from '@dbulk/db';
import type { Logger } from '@dbulk/logger';

export interface ParkedSweepOptions {
  orm: MikroORM;
  producer: CampaignProducer;
  intervalMs: number;
  logger: Logger;
  onApplied?: (count: number) => void;
}

export class ParkedSweepJob {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly options: ParkedSweepOptions) {}

  start(): void {
    if (this.options.intervalMs <= 0) return;
    this.schedule();
  }

  /** One sweep now; errors are logged and the next run tries again. */
  runOnce(): Promise<void> {
    this.running ??= (async () => {
      try {
        const result = await this.options.orm.em.fork().transactional((tx) => sweepParkedStatuses(tx));
        if (result.applied > 0) {
          this.options.onApplied?.(result.applied);
          this.options.logger.info({ applied: result.applied, recovered: result.recovered }, 'parked statuses applied');
        }
        await publishProgress(this.options.producer, result.progress);
      } catch (err) {
        this.options.logger.warn({ err }, 'parked status sweep failed; will try again');
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

  private schedule() {
    this.timer = setTimeout(() => {
      void this.runOnce().then(() => {
        if (!this.stopped) this.schedule();
      });
    }, this.options.intervalMs);
    this.timer.unref();
  }
}
