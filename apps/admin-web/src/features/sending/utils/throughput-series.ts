/**
 * Platform throughput from senders' samples (one per number and replica, about once a second):
 * messages per second for each of the last `seconds` seconds, summed over every number. Pure.
 */
export interface Sample {
  phoneNumberId: string;
  sent: number;
  windowMs: number;
  at: string;
}

export interface Point {
  /** Start of the second, ms since the epoch. */
  t: number;
  perSecond: number;
}

/** Keeps only what the chart can still show. */
export function pruneSamples(samples: readonly Sample[], now: number, seconds: number): Sample[] {
  const from = now - (seconds + 2) * 1_000;
  return samples.filter((s) => Date.parse(s.at) >= from);
}

export function throughputSeries(samples: readonly Sample[], now: number, seconds = 60): Point[] {
  const last = Math.floor(now / 1_000) - 1; // the current second is still filling up
  const buckets = new Map<number, number>();
  for (const s of samples) {
    const second = Math.floor(Date.parse(s.at) / 1_000);
    if (second > last || second <= last - seconds) continue;
    // A sample covers its window; spread as a rate so a 2 s window does not look like a spike.
    const rate = s.sent / Math.max(1, s.windowMs / 1_000);
    buckets.set(second, (buckets.get(second) ?? 0) + rate);
  }
  const points: Point[] = [];
  for (let second = last - seconds + 1; second <= last; second++) points.push({ t: second * 1_000, perSecond: Math.round(buckets.get(second) ?? 0) });
  return points;
}

/** A round upper bound for the y axis (at least 10). */
export function niceMax(values: readonly number[]): number {
  const max = Math.max(10, ...values);
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= max) return step * magnitude;
  return 10 * magnitude;
}
