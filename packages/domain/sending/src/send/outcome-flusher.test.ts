import { afterEach, describe, expect, it, vi } from 'vitest';
import { OutcomeFlusher } from './outcome-flusher';

afterEach(() => vi.useRealTimers());

function recorder() {
  const writes: number[][] = [];
  let active = 0;
  let overlapped = false;
  const write = async (items: number[]) => {
    active++;
    if (active > 1) overlapped = true;
    await new Promise((r) => setTimeout(r, 5));
    writes.push(items);
    active--;
  };
  return { writes, write, overlapped: () => overlapped };
}

describe('OutcomeFlusher', () => {
  it('writes once maxItems have gathered, without waiting for the interval', async () => {
    const r = recorder();
    const f = new OutcomeFlusher(r.write, () => undefined, { maxItems: 3, intervalMs: 60_000 });
    [1, 2, 3, 4].forEach((n) => f.push(n));
    await new Promise((res) => setTimeout(res, 20));
    expect(r.writes).toEqual([[1, 2, 3]]);
    await f.close();
    expect(r.writes).toEqual([[1, 2, 3], [4]]);
  });

  it('writes a partial batch intervalMs after its first item', async () => {
    vi.useFakeTimers();
    const r = recorder();
    const f = new OutcomeFlusher(r.write, () => undefined, { maxItems: 100, intervalMs: 250 });
    f.push(1);
    await vi.advanceTimersByTimeAsync(200);
    f.push(2);
    expect(r.writes).toEqual([]);
    await vi.advanceTimersByTimeAsync(60);
    expect(r.writes).toEqual([[1, 2]]);
  });

  it('runs writes one at a time, in order, and close waits for all of them', async () => {
    const r = recorder();
    const f = new OutcomeFlusher(r.write, () => undefined, { maxItems: 2, intervalMs: 10 });
    for (let n = 1; n <= 7; n++) f.push(n);
    await f.close();
    expect(r.writes).toEqual([[1, 2], [3, 4], [5, 6], [7]]);
    expect(r.overlapped()).toBe(false);
  });

  it('hands a failed write to onError and still writes the next batch', async () => {
    const written: number[][] = [];
    const failed: number[][] = [];
    const f = new OutcomeFlusher<number>(
      async (items) => {
        if (items.includes(1)) throw new Error('database gone');
        written.push(items);
      },
      (_err, items) => failed.push(items),
      { maxItems: 2, intervalMs: 10 },
    );
    [1, 2, 3].forEach((n) => f.push(n));
    await f.close();
    expect(failed).toEqual([[1, 2]]);
    expect(written).toEqual([[3]]);
  });

  it('writes an empty batch when poked, so the writer can write what it carries besides items', async () => {
    vi.useFakeTimers();
    const r = recorder();
    const f = new OutcomeFlusher(r.write, () => undefined, { maxItems: 100, intervalMs: 250 });
    f.poke();
    await vi.advanceTimersByTimeAsync(260);
    expect(r.writes).toEqual([[]]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(r.writes).toEqual([[]]);
  });

  it('close with nothing gathered writes nothing', async () => {
    const r = recorder();
    const f = new OutcomeFlusher(r.write, () => undefined, { maxItems: 2, intervalMs: 10 });
    await f.close();
    expect(r.writes).toEqual([]);
  });
});
