/**
 * A micro-batcher in front of the Kafka producer: kafkajs sends one request per `send()` call,
 * so at thousands of webhooks per second each request paying its own round trip (and its own
 * acks=all wait) costs more CPU than the HTTP work. Records are collected for at most `lingerMs`,
 * `maxRecords` or `maxBytes`, sent as one batch, and each caller's promise settles with its batch:
 * resolved only once Kafka acknowledged it, rejected when the send fails or the deadline passes.
 * In-flight work is bounded (records and bytes), so an outage turns into fast 503s, not memory.
 * @see https://kafka.apache.org/documentation/#producerconfigs_linger.ms (the same idea, client-side)
 */
import { AppError } from '@dbulk/errors';

export interface BatcherOptions<T> {
  /** Sends one batch; resolving means acknowledged. Must settle within `timeoutMs` (the 2nd argument). */
  send: (items: T[], timeoutMs: number) => Promise<unknown>;
  sizeOf: (item: T) => number;
  /** Longest a record waits for company before its batch is sent; 0 sends on the next turn of the event loop. */
  lingerMs: number;
  maxRecords: number;
  /** A batch is cut before it grows past this; a record bigger than this travels alone. */
  maxBytes: number;
  maxInFlightBatches: number;
  /** Records (and bytes) accepted but not yet settled by a send; beyond them `add` rejects at once. */
  maxPendingRecords: number;
  maxPendingBytes: number;
  /** From a batch's first record to its acknowledgement; then its callers are rejected. */
  timeoutMs: number;
  onBatch?: (report: BatchReport) => void;
  now?: () => number;
}

export interface BatchReport {
  records: number;
  bytes: number;
  /** From the first record's arrival to the outcome (linger + queue + send). */
  ms: number;
  /** Send time only (0 when the batch was never sent). */
  sendMs: number;
  outcome: 'acked' | 'failed' | 'expired';
}

export interface BatcherStats {
  pendingRecords: number;
  pendingBytes: number;
  inFlightBatches: number;
  queuedBatches: number;
}

interface Entry<T> {
  item: T;
  resolve: () => void;
  reject: (err: unknown) => void;
  settled: boolean;
}

interface Batch<T> {
  entries: Entry<T>[];
  bytes: number;
  firstAt: number;
  deadline?: NodeJS.Timeout;
  state: 'open' | 'queued' | 'sending' | 'done';
}

export const batcherClosed = () => new AppError('INGEST_CLOSING', 'unavailable', 'ingest is shutting down');

export class Batcher<T> {
  private open: Batch<T> | null = null;
  private linger: NodeJS.Timeout | NodeJS.Immediate | null = null;
  private readonly queue: Batch<T>[] = [];
  private inFlight = 0;
  private pendingRecords = 0;
  private pendingBytes = 0;
  private closing = false;
  private idle: (() => void)[] = [];
  private readonly now: () => number;

  constructor(private readonly options: BatcherOptions<T>) {
    this.now = options.now ?? (() => performance.now());
  }

  /** Resolves once the item's batch is acknowledged; rejects with an `unavailable` AppError otherwise. */
  add(item: T): Promise<void> {
    if (this.closing) return Promise.reject(batcherClosed());
    const { maxPendingRecords, maxPendingBytes, maxBytes, maxRecords } = this.options;
    const bytes = this.options.sizeOf(item);
    const full = this.pendingRecords + 1 > maxPendingRecords || this.pendingBytes + bytes > maxPendingBytes;
    if (full && this.pendingRecords > 0) {
      const message = `${this.pendingRecords} records (${this.pendingBytes} bytes) are already waiting for Kafka`;
      return Promise.reject(new AppError('INGEST_BACKPRESSURE', 'unavailable', message));
    }
    this.pendingRecords += 1;
    this.pendingBytes += bytes;
    return new Promise<void>((resolve, reject) => {
      const entry: Entry<T> = { item, resolve, reject, settled: false };
      if (bytes > maxBytes) {
        // Alone, so a record the broker refuses (too large) cannot fail its neighbours.
        this.enqueue(this.newBatch([entry], bytes));
        return;
      }
      if (this.open && this.open.bytes + bytes > maxBytes) this.cut();
      if (this.open) {
        this.open.entries.push(entry);
        this.open.bytes += bytes;
      } else {
        this.open = this.newBatch([entry], bytes);
        this.startLinger();
      }
      if (this.open.entries.length >= maxRecords) this.cut();
    });
  }

  /** Sends what is collected now instead of waiting for the linger time. */
  flush(): void {
    this.cut();
  }

  /** Stops accepting, sends what is collected, and resolves once every batch has settled. */
  async close(): Promise<void> {
    this.closing = true;
    this.cut();
    if (this.pendingRecords === 0) return;
    await new Promise<void>((resolve) => this.idle.push(resolve));
  }

  stats(): BatcherStats {
    return {
      pendingRecords: this.pendingRecords,
      pendingBytes: this.pendingBytes,
      inFlightBatches: this.inFlight,
      queuedBatches: this.queue.length + (this.open ? 1 : 0),
    };
  }

  private newBatch(entries: Entry<T>[], bytes: number): Batch<T> {
    const batch: Batch<T> = { entries, bytes, firstAt: this.now(), state: 'open' };
    batch.deadline = setTimeout(() => this.expire(batch), this.options.timeoutMs);
    return batch;
  }

  private startLinger(): void {
    const { lingerMs } = this.options;
    this.linger = lingerMs > 0 ? setTimeout(() => this.cut(), lingerMs) : setImmediate(() => this.cut());
  }

  private stopLinger(): void {
    if (!this.linger) return;
    clearTimeout(this.linger as NodeJS.Timeout);
    clearImmediate(this.linger as NodeJS.Immediate);
    this.linger = null;
  }

  private cut(): void {
    this.stopLinger();
    const batch = this.open;
    if (!batch) return;
    this.open = null;
    this.enqueue(batch);
  }

  private enqueue(batch: Batch<T>): void {
    batch.state = 'queued';
    this.queue.push(batch);
    this.dispatch();
  }

  private dispatch(): void {
    while (this.queue.length > 0 && this.inFlight < this.options.maxInFlightBatches) {
      const batch = this.queue.shift()!;
      this.absorbQueued(batch);
      void this.sendBatch(batch);
    }
  }

  /**
   * Batches that waited for a send slot travel together when they fit: with few slots this is
   * group commit, the batch size following Kafka's latency instead of the linger timer.
   */
  private absorbQueued(batch: Batch<T>): void {
    const { maxRecords, maxBytes } = this.options;
    while (this.queue.length > 0) {
      const next = this.queue[0]!;
      if (batch.entries.length + next.entries.length > maxRecords || batch.bytes + next.bytes > maxBytes) return;
      this.queue.shift();
      clearTimeout(next.deadline);
      // The merged batch keeps the earlier deadline: nobody waits longer than promised.
      batch.entries.push(...next.entries);
      batch.bytes += next.bytes;
    }
  }

  private async sendBatch(batch: Batch<T>): Promise<void> {
    batch.state = 'sending';
    this.inFlight += 1;
    const started = this.now();
    const remaining = Math.max(1, Math.ceil(batch.firstAt + this.options.timeoutMs - started));
    let outcome: BatchReport['outcome'] = 'acked';
    try {
      await this.options.send(
        batch.entries.map((entry) => entry.item),
        remaining,
      );
      for (const entry of batch.entries) this.settle(entry, null);
    } catch (err) {
      outcome = 'failed';
      for (const entry of batch.entries) this.settle(entry, err);
    }
    this.inFlight -= 1;
    this.finish(batch, outcome, this.now() - started);
    this.dispatch();
  }

  /** The deadline passed: callers get their 503 now; a batch still in flight keeps its slot until it settles. */
  private expire(batch: Batch<T>): void {
    const err = new AppError('INGEST_ACK_TIMEOUT', 'unavailable', `Kafka did not acknowledge within ${this.options.timeoutMs} ms`);
    for (const entry of batch.entries) this.settle(entry, err);
    // Not sent yet: nobody waits for it any more and Meta will retry, so do not spend a send on it.
    if (batch.state === 'open') {
      this.stopLinger();
      this.open = null;
      this.finish(batch, 'expired', 0);
    } else if (batch.state === 'queued') {
      this.queue.splice(this.queue.indexOf(batch), 1);
      this.finish(batch, 'expired', 0);
    }
  }

  private settle(entry: Entry<T>, err: unknown): void {
    if (entry.settled) return;
    entry.settled = true;
    if (err === null) entry.resolve();
    else entry.reject(err);
  }

  private finish(batch: Batch<T>, outcome: BatchReport['outcome'], sendMs: number): void {
    if (batch.state === 'done') return;
    batch.state = 'done';
    clearTimeout(batch.deadline);
    this.pendingRecords -= batch.entries.length;
    this.pendingBytes -= batch.bytes;
    const ms = this.now() - batch.firstAt;
    this.options.onBatch?.({ records: batch.entries.length, bytes: batch.bytes, ms, sendMs, outcome });
    if (this.pendingRecords === 0) for (const resolve of this.idle.splice(0)) resolve();
  }
}
