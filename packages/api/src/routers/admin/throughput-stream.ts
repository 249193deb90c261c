/**
 * Live platform throughput over SSE for admins: every `sender.throughput` event (one per phone
 * number and sender replica, about once a second) from the replica's dbulk.events hub, as it
 * comes. Nothing to backfill: the chart starts empty and fills as senders report.
 * @see https://trpc.io/docs/server/subscriptions
 */
import { on } from 'node:events';
import type { EventRecord } from '@dbulk/kafka';
import type { Context } from '../../context';

export const THROUGHPUT_EVENT = 'sender.throughput';

export interface ThroughputSample {
  phoneNumberId: string;
  tenantId: string;
  sent: number;
  windowMs: number;
  /** The limiter's rate (msg/s) when the sample was taken. */
  rate: number | null;
  at: string;
}

export function toSample(record: EventRecord): ThroughputSample | null {
  if (record.type !== THROUGHPUT_EVENT) return null;
  const d = record.data as Partial<Omit<ThroughputSample, 'at'>>;
  if (typeof d.phoneNumberId !== 'string' || typeof d.sent !== 'number') return null;
  return {
    phoneNumberId: d.phoneNumberId,
    tenantId: record.tenantId,
    sent: d.sent,
    windowMs: typeof d.windowMs === 'number' && d.windowMs > 0 ? d.windowMs : 1_000,
    rate: typeof d.rate === 'number' ? d.rate : null,
    at: record.at,
  };
}

export async function* throughputStream(ctx: Context, signal: AbortSignal | undefined) {
  const events = on(ctx.events, 'event', signal ? { signal } : {});
  try {
    for await (const [event] of events) {
      const sample = toSample(event as EventRecord);
      if (sample) yield sample;
    }
  } catch (err) {
    if ((err as Error).name !== 'AbortError') throw err;
  }
}
