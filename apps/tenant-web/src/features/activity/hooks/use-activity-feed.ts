import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useState } from 'react';
import { useTRPC, type RouterOutputs } from '../../../lib/trpc';
import { mergeFeed } from '../utils/describe-audit';

export type AuditItem = RouterOutputs['audit']['list']['items'][number];

/**
 * The latest audit entries, then live ones over SSE; each event also marks the lists it
 * touched (members, tenant) stale. The subscription starts after the newest
 * entry already shown, so the server backfills anything in between (events are tracked by id,
 * and the link resumes from the last id after a reconnect).
 * @see https://trpc.io/docs/client/tanstack-react-query/usage#subscriptions
 */
export function useActivityFeed(limit = 15) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(trpc.audit.list.queryOptions({ limit }));
  const [lastEventId] = useState(() => data.items[0]?.id);
  const [live, setLive] = useState<AuditItem[]>([]);
  const subscription = useSubscription(
    trpc.audit.onNew.subscriptionOptions(lastEventId ? { lastEventId } : {}, {
      onData: (event) => {
        setLive((previous) => mergeFeed([event.data], previous));
        // What the feed reports has changed elsewhere too: refresh those lists when next shown.
        const area = event.data.action.split('.')[0];
        if (area === 'member') void queryClient.invalidateQueries(trpc.members.pathFilter());
        if (area === 'tenant') void queryClient.invalidateQueries(trpc.tenants.current.queryFilter());
      },
    }),
  );
  return { items: mergeFeed(live, data.items, limit + live.length), status: subscription.status, error: subscription.error };
}
