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

/** One point per interval between snapshots; a counter that went down (a retry) counts as 0. */
export function ratePoints(snapshots: readonly Snapshot[]): RatePoint[] {
  const points: RatePoint[] = [];
  for (let i = 1; i < snapshots.length; i++) {
    const a = snapshots[i - 1]!;
    const b = snapshots[i]!;
    const seconds = (b.at - a.at) / 1000;
    if (seconds <= 0) continue;
    points.push({ at: b.at, rate: Math.max(0, b.attempted - a.attempted) / seconds });
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
