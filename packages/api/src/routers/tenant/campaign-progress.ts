/**
 * Live progress of one campaign over SSE: listen to the replica's dbulk.events hub first, then
 * yield the current snapshot from PostgreSQL (so nothing between the two is missed), then every
 * `campaign.progress` event for this campaign, tracked by a time-ordered id, until the client
 * leaves. Snapshots are whole (not deltas), so a skipped one is repaired by the next.
 * @see https://trpc.io/docs/server/subscriptions#tracked
 */
import { on } from 'node:events';
import { tracked } from '@trpc/server';
import type { EventRecord } from '@dbulk/kafka';
import { campaignById, PROGRESS_EVENT, type ProgressSnapshot } from '@dbulk/domain-campaigns';
import type { Context } from '../../context';

let sequence = 0;
/** Event ids that sort by time within a replica; the snapshot is idempotent, so ids only de-duplicate. */
const nextId = (at: string) => `${Date.parse(at) || Date.now()}-${++sequence}`;

export async function* campaignProgressStream(
  ctx: Context,
  tenantId: string,
  campaignId: string,
  signal: AbortSignal | undefined,
) {
  const events = on(ctx.events, 'event', signal ? { signal } : {});
  // Checks ownership too: another tenant's id is not found before anything is streamed.
  const current = await campaignById(ctx.orm.em.fork(), tenantId, campaignId);
  const first: ProgressSnapshot = {
    campaignId,
    status: current.status,
    statusReason: current.statusReason,
    counters: current.counters,
    at: new Date().toISOString(),
  };
  let last = first;
  yield tracked(nextId(first.at), first);
  try {
    for await (const [event] of events) {
      const record = event as EventRecord;
      if (
        record.type !== PROGRESS_EVENT ||
        record.tenantId !== tenantId ||
        record.data.campaignId !== campaignId
      )
        continue;
      const data = record.data as Omit<ProgressSnapshot, 'at' | 'statusReason'> & {
        statusReason?: string | null;
      };
      const snapshot: ProgressSnapshot = {
        campaignId,
        status: data.status,
        // A producer that does not know the reason (a sender's batch) leaves it out: keep the last one.
        statusReason:
          'statusReason' in data
            ? (data.statusReason ?? null)
            : data.status === last.status
              ? last.statusReason
              : null,
        counters: data.counters,
        at: record.at,
      };
      last = snapshot;
      yield tracked(nextId(snapshot.at), snapshot);
    }
  } catch (err) {
    if ((err as Error).name !== 'AbortError') throw err;
  }
}
