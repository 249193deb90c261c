/**
 * Watches one test message: polls `whatsapp.testStatus` every second until it is read or failed,
 * or for 60 s at most (read receipts may be off). `watchAgain` restarts the window.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTRPC } from '../../../lib/trpc';
import { progressOf, shouldPoll, WATCH_MS } from '../utils/test-status';

export function useTestMessageStatus(wamid: string) {
  const trpc = useTRPC();
  const [startedAt, setStartedAt] = useState(() => Date.now());
  const [expired, setExpired] = useState(false);
  const query = useQuery(
    trpc.whatsapp.testStatus.queryOptions(
      { wamid },
      {
        refetchInterval: (q) => (shouldPoll(progressOf(q.state.data ?? []), startedAt) ? 1_000 : false),
        refetchOnWindowFocus: false,
      },
    ),
  );
  const progress = progressOf(query.data ?? []);

  useEffect(() => {
    if (progress.done) return;
    const timer = setTimeout(() => setExpired(true), Math.max(0, startedAt + WATCH_MS - Date.now()));
    return () => clearTimeout(timer);
  }, [startedAt, progress.done]);

  return {
    progress,
    error: query.error,
    watching: !progress.done && !expired,
    expired: !progress.done && expired,
    watchAgain: () => {
      setExpired(false);
      setStartedAt(Date.now());
      void query.refetch();
    },
  };
}
