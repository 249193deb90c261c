/**
 * Time for everything the sandbox schedules or measures (rate limits, 24 h windows, webhook
 * delays, approvals), so tests can move it: `advance(ms)` shifts a real clock by an offset and
 * fires due timers of a manual one. Every timer is tracked so `reset` can cancel them all.
 */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): void;
  /** Moves time forward; a manual clock also runs the timers that fall due. */
  advance(ms: number): Promise<void>;
  cancelAll(): void;
  readonly pending: number;
}

/** Wall-clock time plus an offset that `POST /_sandbox/clock/advance` can push forward. */
export class RealClock implements Clock {
  private offset = 0;
  private readonly timers = new Set<NodeJS.Timeout>();

  now(): number {
    return Date.now() + this.offset;
  }

  setTimeout(fn: () => void, ms: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, Math.max(0, ms));
    // Scheduled webhooks must not keep a process alive that was asked to stop.
    timer.unref();
    this.timers.add(timer);
  }

  async advance(ms: number): Promise<void> {
    this.offset += ms;
  }

  cancelAll(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  get pending(): number {
    return this.timers.size;
  }
}

interface ManualTimer {
  at: number;
  seq: number;
  fn: () => void;
}

/** Time stands still until a test advances it; timers then run in due order. */
export class ManualClock implements Clock {
  private timers: ManualTimer[] = [];
  private seq = 0;

  constructor(private current = Date.UTC(2026, 10, 2, 9, 0, 0)) {}

  now(): number {
    return this.current;
  }

  setTimeout(fn: () => void, ms: number): void {
    this.timers.push({ at: this.current + Math.max(0, ms), seq: this.seq++, fn });
  }

  async advance(ms: number): Promise<void> {
    const until = this.current + ms;
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.timers[0];
      if (!next || next.at > until) break;
      this.timers.shift();
      this.current = next.at;
      next.fn();
      // Let promise chains started by the timer (deliveries, follow-up timers) settle first.
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.current = until;
  }

  cancelAll(): void {
    this.timers = [];
  }

  get pending(): number {
    return this.timers.length;
  }
}
