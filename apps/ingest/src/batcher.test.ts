import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Batcher, type BatcherOptions, type BatchReport } from './batcher';

interface Call {
  items: string[];
  timeoutMs: number;
  ack: () => void;
  fail: (err: unknown) => void;
}

/** A producer whose sends stay pending until the test acknowledges or fails them. */
function harness(overrides: Partial<BatcherOptions<string>> = {}) {
  const calls: Call[] = [];
  const reports: BatchReport[] = [];
  const batcher = new Batcher<string>({
    send: (items, timeoutMs) =>
      new Promise<void>((resolve, reject) => calls.push({ items, timeoutMs, ack: resolve, fail: reject })),
    sizeOf: (item) => item.length,
    lingerMs: 2,
    maxRecords: 100,
    maxBytes: 1_000,
    maxInFlightBatches: 4,
    maxPendingRecords: 1_000,
    maxPendingBytes: 100_000,
    timeoutMs: 2_000,
    onBatch: (report) => void reports.push(report),
    now: () => Date.now(),
    ...overrides,
  });
  return { batcher, calls, reports };
}

/** Watches a promise without awaiting it. */
function track(promise: Promise<void>) {
  const seen: { state: 'pending' | 'resolved' | 'rejected'; error?: unknown } = { state: 'pending' };
  promise.then(
    () => void (seen.state = 'resolved'),
    (error: unknown) => Object.assign(seen, { state: 'rejected', error }),
  );
  return seen;
}

const flushMicrotasks = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('Batcher', () => {
  it('coalesces records that arrive within the linger time into one send, in arrival order', async () => {
    const { batcher, calls } = harness();
    const all = ['a', 'b', 'c'].map((item) => batcher.add(item));
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls.map((c) => c.items)).toEqual([['a', 'b', 'c']]);
    calls[0]!.ack();
    await expect(Promise.all(all)).resolves.toBeDefined();
  });

  it('resolves a caller only after Kafka acknowledged its batch, however long that takes', async () => {
    const { batcher, calls } = harness();
    const seen = track(batcher.add('a'));
    await vi.advanceTimersByTimeAsync(1_500);
    expect(calls).toHaveLength(1);
    expect(seen.state).toBe('pending');
    calls[0]!.ack();
    await flushMicrotasks();
    expect(seen.state).toBe('resolved');
  });

  it('rejects every caller of a batch when the send fails', async () => {
    const { batcher, calls, reports } = harness();
    const seen = ['a', 'b'].map((item) => track(batcher.add(item)));
    await vi.advanceTimersByTimeAsync(2);
    calls[0]!.fail(new Error('broker down'));
    await flushMicrotasks();
    expect(seen.map((s) => s.state)).toEqual(['rejected', 'rejected']);
    expect((seen[0]!.error as Error).message).toBe('broker down');
    expect(reports).toEqual([expect.objectContaining({ records: 2, outcome: 'failed' })]);
    expect(batcher.stats().pendingRecords).toBe(0);
  });

  it('sends at once when a batch reaches maxRecords, without waiting for the linger time', async () => {
    const { batcher, calls } = harness({ maxRecords: 2, lingerMs: 1_000 });
    ['a', 'b', 'c'].forEach((item) => void batcher.add(item));
    await flushMicrotasks();
    expect(calls.map((c) => c.items)).toEqual([['a', 'b']]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls.map((c) => c.items)).toEqual([['a', 'b'], ['c']]);
  });

  it('cuts a batch before it passes maxBytes and sends a record larger than maxBytes alone', async () => {
    const { batcher, calls } = harness({ maxBytes: 10 });
    ['aaaa', 'bbbb', 'cccc', 'x'.repeat(50), 'dd'].forEach((item) => void batcher.add(item));
    await vi.advanceTimersByTimeAsync(2);
    expect(calls.map((c) => c.items)).toEqual([['aaaa', 'bbbb'], ['x'.repeat(50)], ['cccc', 'dd']]);
  });

  it('keeps at most maxInFlightBatches sends open and sends the next when one settles', async () => {
    const { batcher, calls } = harness({ maxInFlightBatches: 1, maxRecords: 1 });
    ['a', 'b', 'c'].forEach((item) => void batcher.add(item));
    await flushMicrotasks();
    expect(calls.map((c) => c.items)).toEqual([['a']]);
    expect(batcher.stats()).toMatchObject({ inFlightBatches: 1, queuedBatches: 2, pendingRecords: 3 });
    calls[0]!.ack();
    await flushMicrotasks();
    expect(calls.map((c) => c.items)).toEqual([['a'], ['b']]);
  });

  it('sends the batches that waited for a slot as one (group commit) while they fit', async () => {
    const { batcher, calls } = harness({ maxInFlightBatches: 1, lingerMs: 0, maxRecords: 3 });
    void batcher.add('a');
    await flushMicrotasks();
    for (const item of ['b', 'c', 'd', 'e']) {
      void batcher.add(item);
      await flushMicrotasks();
    }
    expect(calls.map((c) => c.items)).toEqual([['a']]);
    calls[0]!.ack();
    await flushMicrotasks();
    expect(calls.map((c) => c.items)).toEqual([['a'], ['b', 'c', 'd']]);
    calls[1]!.ack();
    await flushMicrotasks();
    expect(calls.map((c) => c.items)).toEqual([['a'], ['b', 'c', 'd'], ['e']]);
  });

  it('refuses records beyond maxPendingRecords or maxPendingBytes at once, and accepts again once acknowledged', async () => {
    const { batcher, calls } = harness({ maxPendingRecords: 2, maxPendingBytes: 10 });
    const first = [batcher.add('a'), batcher.add('b')];
    await expect(batcher.add('c')).rejects.toMatchObject({ code: 'INGEST_BACKPRESSURE', category: 'unavailable' });
    await vi.advanceTimersByTimeAsync(2);
    calls[0]!.ack();
    await Promise.all(first);
    const small = batcher.add('123456789');
    await expect(batcher.add('12')).rejects.toMatchObject({ code: 'INGEST_BACKPRESSURE' });
    await vi.advanceTimersByTimeAsync(2);
    calls[1]!.ack();
    await small;
  });

  it('rejects callers when the deadline passes, and counts the records until the send settles', async () => {
    const { batcher, calls, reports } = harness({ timeoutMs: 100 });
    const seen = track(batcher.add('a'));
    await vi.advanceTimersByTimeAsync(2);
    expect(calls[0]!.timeoutMs).toBe(98);
    await vi.advanceTimersByTimeAsync(98);
    expect(seen.state).toBe('rejected');
    expect(seen.error).toMatchObject({ code: 'INGEST_ACK_TIMEOUT', category: 'unavailable' });
    expect(batcher.stats().pendingRecords).toBe(1);
    // A late acknowledgement changes nothing for the caller, who already had its 503.
    calls[0]!.ack();
    await flushMicrotasks();
    expect(seen.state).toBe('rejected');
    expect(batcher.stats().pendingRecords).toBe(0);
    expect(reports).toEqual([expect.objectContaining({ outcome: 'acked' })]);
  });

  it('drops a batch whose deadline passed while it waited for a send slot, without sending it', async () => {
    const { batcher, calls, reports } = harness({ timeoutMs: 100, maxInFlightBatches: 1, maxRecords: 1 });
    void batcher.add('a').catch(() => undefined);
    const waiting = track(batcher.add('b'));
    await vi.advanceTimersByTimeAsync(100);
    expect(waiting.state).toBe('rejected');
    expect(reports).toEqual([expect.objectContaining({ records: 1, outcome: 'expired' })]);
    calls[0]!.fail(new Error('late'));
    await flushMicrotasks();
    expect(calls.map((c) => c.items)).toEqual([['a']]);
    expect(batcher.stats()).toMatchObject({ pendingRecords: 0, queuedBatches: 0, inFlightBatches: 0 });
  });

  it('batches everything added in the same turn of the event loop when lingerMs is 0', async () => {
    const { batcher, calls } = harness({ lingerMs: 0 });
    ['a', 'b'].forEach((item) => void batcher.add(item));
    expect(calls).toHaveLength(0);
    await flushMicrotasks();
    expect(calls.map((c) => c.items)).toEqual([['a', 'b']]);
  });

  it('on close refuses new records, sends what it holds at once, and resolves when all is acknowledged', async () => {
    const { batcher, calls } = harness({ lingerMs: 1_000 });
    const held = track(batcher.add('a'));
    const closed = track(batcher.close());
    await expect(batcher.add('b')).rejects.toMatchObject({ code: 'INGEST_CLOSING' });
    await flushMicrotasks();
    expect(calls.map((c) => c.items)).toEqual([['a']]);
    expect(closed.state).toBe('pending');
    calls[0]!.ack();
    await flushMicrotasks();
    expect(held.state).toBe('resolved');
    expect(closed.state).toBe('resolved');
  });
});
