/** Arithmetic over a campaign's counters: what is done, and the progress bar's segments. */
import type { Counters } from './campaign-status';

/** Messages Meta has answered for (or that failed): what a send rate counts. */
export function attempted(c: Counters): number {
  return c.accepted + c.sent + c.delivered + c.read + c.failed;
}

/** Messages in a terminal status (campaign completion counts these). */
export function finished(c: Counters): number {
  return attempted(c) + c.skipped;
}

export interface Segment {
  key: string;
  label: string;
  count: number;
  color: string;
}

/** Left to right: the furthest status first, so the bar fills like a funnel. */
const SEGMENTS: { key: keyof Counters; label: string; color: string }[] = [
  { key: 'read', label: 'Read', color: '#0b5d52' },
  { key: 'delivered', label: 'Delivered', color: '#16a34a' },
  { key: 'sent', label: 'Sent', color: '#4ade80' },
  { key: 'accepted', label: 'Accepted', color: '#60a5fa' },
  { key: 'sending', label: 'Sending', color: '#a5b4fc' },
  { key: 'queued', label: 'Queued', color: '#cbd5e1' },
  { key: 'retryWait', label: 'Retrying', color: '#f59e0b' },
  { key: 'failed', label: 'Failed', color: '#c0362c' },
  { key: 'skipped', label: 'Skipped', color: '#8794a1' },
  { key: 'pending', label: 'Waiting', color: '#e3e7eb' },
];

export function segmentsOf(c: Counters): Segment[] {
  return SEGMENTS.map((s) => ({ key: s.key, label: s.label, color: s.color, count: c[s.key] }));
}

/** 0–100, one decimal; 0 for an empty campaign. */
export function percent(part: number, total: number): number {
  if (total <= 0) return 0;
  return Math.round((part / total) * 1000) / 10;
}

/**
 * The headline figures: how many messages *reached* each step (a read message was also
 * delivered and sent), since the counters hold only each message's current status.
 */
export function reached(c: Counters) {
  const read = c.read;
  const delivered = c.delivered + read;
  const sent = c.sent + delivered;
  const accepted = c.accepted + sent;
  const inFlight = c.pending + c.queued + c.sending + c.retryWait;
  return {
    inFlight,
    list: [
      { key: 'total', label: 'Recipients', value: c.total },
      { key: 'accepted', label: 'Accepted by Meta', value: accepted },
      { key: 'sent', label: 'Sent', value: sent },
      { key: 'delivered', label: 'Delivered', value: delivered },
      { key: 'read', label: 'Read', value: read },
      { key: 'failed', label: 'Failed', value: c.failed },
      { key: 'skipped', label: 'Skipped', value: c.skipped },
    ],
  };
}
