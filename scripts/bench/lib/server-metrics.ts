/**
 * What ingest itself saw during a step, from its /metrics: its request-duration histogram
 * (diffed between two scrapes, so per step), its event-loop delay (prom-client resets that
 * histogram on every scrape) and the batches it sent. Tells a slow ingest from a slow machine:
 * the generator's latency includes scheduling delays of every process on the box.
 */
export interface Scrape {
  buckets: Map<number, number>;
  batches: number;
  records: number;
  eventLoopP99Ms: number;
  eventLoopMaxMs: number;
}

const number = (text: string, pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? NaN);

export async function scrape(origin: string): Promise<Scrape> {
  const text = await (await fetch(`${origin}/metrics`)).text();
  const buckets = new Map<number, number>();
  for (const match of text.matchAll(/^ingest_webhook_request_duration_seconds_bucket\{le="([^"]+)",route="event"\} (\d+)$/gm)) {
    buckets.set(match[1] === '+Inf' ? Infinity : Number(match[1]), Number(match[2]));
  }
  return {
    buckets,
    batches: number(text, /^ingest_kafka_batch_records_count (\d+)$/m),
    records: number(text, /^ingest_kafka_batch_records_sum (\d+)$/m),
    eventLoopP99Ms: Math.round(number(text, /^nodejs_eventloop_lag_p99_seconds ([\d.e+-]+)$/m) * 1e4) / 10,
    eventLoopMaxMs: Math.round(number(text, /^nodejs_eventloop_lag_max_seconds ([\d.e+-]+)$/m) * 1e4) / 10,
  };
}

export interface ServerView {
  /** Upper bounds of the histogram buckets holding the 50th and 99th percentile, in ms. */
  p50LeMs: number;
  p99LeMs: number;
  recordsPerBatch: number;
  eventLoopP99Ms: number;
  eventLoopMaxMs: number;
}

export function between(before: Scrape, after: Scrape): ServerView {
  const bounds = [...after.buckets.keys()].sort((a, b) => a - b);
  const counts = bounds.map((le) => (after.buckets.get(le) ?? 0) - (before.buckets.get(le) ?? 0));
  const total = counts.at(-1) ?? 0;
  const le = (q: number) => {
    const index = counts.findIndex((count) => count >= q * total);
    return index < 0 ? NaN : bounds[index]! * 1000;
  };
  const batches = after.batches - before.batches;
  return {
    p50LeMs: le(0.5),
    p99LeMs: le(0.99),
    recordsPerBatch: batches > 0 ? Math.round(((after.records - before.records) / batches) * 10) / 10 : NaN,
    eventLoopP99Ms: after.eventLoopP99Ms,
    eventLoopMaxMs: after.eventLoopMaxMs,
  };
}
