import { useSubscription } from '@trpc/tanstack-react-query';
import { useEffect, useState } from 'react';
import { useTRPC } from '../../../lib/trpc';
import { pruneSamples, throughputSeries, type Sample } from '../utils/throughput-series';

const SECONDS = 60;

/**
 * Live platform throughput: senders' samples over SSE, kept for the chart's minute, redrawn
 * every second even when nothing arrives (so a stop shows as a drop to zero).
 * @see https://trpc.io/docs/client/tanstack-react-query/usage#subscriptions
 */
export function usePlatformThroughput() {
  const trpc = useTRPC();
  const [samples, setSamples] = useState<Sample[]>([]);
  const [now, setNow] = useState(() => Date.now());
  const subscription = useSubscription(
    trpc.sending.onThroughput.subscriptionOptions(undefined, {
      onData: (sample) => setSamples((previous) => pruneSamples([...previous, sample], Date.now(), SECONDS)),
    }),
  );
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  const series = throughputSeries(samples, now, SECONDS);
  return { series, numbers: new Set(samples.map((s) => s.phoneNumberId)).size, status: subscription.status, error: subscription.error };
}
