import { useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useState } from 'react';
import { useTRPC } from '../../../lib/trpc';
import { isLive, type CampaignDetail, type Counters } from '../utils/campaign-status';
import { attempted } from '../utils/counters';
import { addSnapshot, type Snapshot } from '../utils/send-rate';

/** How much history the send-rate chart keeps. */
export const RATE_WINDOW_MS = 5 * 60_000;

/**
 * A campaign's counters as they move: the api's `onProgress` SSE subscription yields the current
 * snapshot first, then each one the pipeline publishes. Snapshots are timed by their `at` and
 * kept for the send-rate chart. A change of status or reason
 * re-reads the campaign (banner, buttons) and its message table. The feed
 * stays open after completion: delivered and read statuses keep arriving for a while.
 * @see https://trpc.io/docs/client/tanstack-react-query/usage#subscriptions
 */
export function useCampaignProgress(campaign: CampaignDetail) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [latest, setLatest] = useState<{ counters: Counters; at: number } | null>(null);
  const [snapshots, setSnapshots] = useState<Snapshot[]>([]);

  const subscription = useSubscription(
    trpc.campaigns.onProgress.subscriptionOptions(
      { campaignId: campaign.id },
      {
        enabled: isLive(campaign.status),
        onData: (event) => {
          // Snapshots are `tracked` (id + data), so a reconnect resumes after the last one.
          const progress = 'data' in event ? event.data : event;
          const at = Date.parse(progress.at);
          // Whole snapshots from several producers: one older than what is shown changes nothing.
          setLatest((shown) => (shown && shown.at > at ? shown : { counters: progress.counters, at }));
          setSnapshots((list) =>
            addSnapshot(list, { at, attempted: attempted(progress.counters) }, RATE_WINDOW_MS),
          );
          if (progress.status !== campaign.status || progress.statusReason !== campaign.statusReason) {
            void queryClient.invalidateQueries(trpc.campaigns.byId.queryFilter({ campaignId: campaign.id }));
            void queryClient.invalidateQueries(trpc.campaigns.messages.pathFilter());
          }
        },
      },
    ),
  );
  return {
    counters: latest?.counters ?? campaign.counters,
    snapshots,
    status: subscription.status,
    error: subscription.error,
  };
}
