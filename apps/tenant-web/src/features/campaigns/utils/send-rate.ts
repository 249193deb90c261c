/**
 * Messages per second from successive progress snapshots: the change of attempted messages
 * (accepted + sent + delivered + read + failed) over the time between two snapshots. Pure, so
 * the chart and its tests share it.
 */
export interface Snapshot {
  /** Epoch milliseconds. */
  at: number;
  attempted: number;
}

export interface RatePoint {
  at: number;
  rate: number;
}

/** Keeps snapshots in time order, drops ones older than `windowMs` before the newest (and exact repeats). */
export function addSnapshot(list: readonly Snapshot[], next: Snapshot, windowMs: number): Snapshot[] {
  const merged = [...list.filter((s) => s.at !== next.at), next].sort((a, b) => a.at - b.at);
  const newest = merged.at(-1)!.at;
  return merged.filter((s) => s.at >= newest - windowMs);
}

/** The attempted count at `at`: the last snapshot at or before it (the first one before any). */
function valueAt(snapshots: readonly Snapshot[], at: number): number {
  let value = snapshots[0]?.attempted ?? 0;
  for (const s of snapshots) {
    if (s.at > at) break;
    value = s.attempted;
  }
  return value;
}

/**
 * Messages per second in equal buckets ending at the newest snapshot (a step line that does not
 * spike when two snapshots arrive a few milliseconds apart). Buckets before the first snapshot are 0.
 */
export function bucketRates(snapshots: readonly Snapshot[], windowMs: number, bucketMs: number): RatePoint[] {
  const end = snapshots.at(-1)?.at;
  if (end === undefined) return [];
  const points: RatePoint[] = [];
  for (let to = end - windowMs + bucketMs; to <= end; to += bucketMs) {
    const delta = valueAt(snapshots, to) - valueAt(snapshots, to - bucketMs);
    points.push({ at: to, rate: Math.max(0, delta) / (bucketMs / 1000) });
  }
  return points;
}

/** The average rate over the last `spanMs` (from the snapshots inside it), for the headline figure. */
export function currentRate(snapshots: readonly Snapshot[], spanMs = 10_000): number {
  const newest = snapshots.at(-1);
  if (!newest) return 0;
  const inside = snapshots.filter((s) => s.at >= newest.at - spanMs);
  const oldest = inside[0]!;
  const seconds = (newest.at - oldest.at) / 1000;
  if (seconds <= 0) return 0;
  return Math.max(0, newest.attempted - oldest.attempted) / seconds;
}

/** A round upper bound for the chart's y axis: 1, 2, 5, 10, 20, 50 … */
export function niceMax(value: number): number {
  if (value <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (value <= step * magnitude) return step * magnitude;
  return 10 * magnitude;
}
