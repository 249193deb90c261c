/**
 * Send outcomes, written while sends are still going out, for every chunk together. A chunk's
 * sends spread over the rate horizon (seconds), and its rows count against their number's
 * in-flight allowance until they leave SENDING: written only after the chunk's last send, the
 * planner could not top the number up and progress stood still meanwhile; written per chunk,
 * the many chunks in flight would each take a connection several times a second. Writes run
 * one at a time, in order; each takes what has gathered, once `maxItems` have or `intervalMs`
 * after the first item (or `poke`).
 */
export interface OutcomeFlusherOptions {
  maxItems: number;
  intervalMs: number;
}

export class OutcomeFlusher<T> {
  private buffer: T[] = [];
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();

  /** `write` owns its errors: a rejection is passed to `onError` and the next write still runs. */
  constructor(
    private readonly write: (items: T[]) => Promise<void>,
    private readonly onError: (err: unknown, items: T[]) => void,
    private readonly options: OutcomeFlusherOptions,
  ) {}

  private poked = false;

  push(item: T): void {
    this.buffer.push(item);
    if (this.buffer.length >= this.options.maxItems) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.options.intervalMs);
  }

  /** Schedules a write even if no item comes (the writer has something else to write). */
  poke(): void {
    this.poked = true;
    this.timer ??= setTimeout(() => void this.flush(), this.options.intervalMs);
  }

  /** Writes what is left and resolves once every write has finished. */
  close(): Promise<void> {
    return this.flush();
  }

  private flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const items = this.buffer;
    this.buffer = [];
    if (items.length > 0 || this.poked) {
      this.poked = false;
      this.writing = this.writing.then(() => this.write(items)).catch((err: unknown) => this.onError(err, items));
    }
    return this.writing;
  }
}
