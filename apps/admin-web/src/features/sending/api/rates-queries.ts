/** Shared by the loader and the components so both name the very same query. */
import type { Trpc } from '../../../lib/trpc';

export function numberRatesOptions(trpc: Trpc) {
  // The limiter moves every second while numbers send; a slow poll keeps the table honest.
  return trpc.sending.rates.queryOptions(undefined, { refetchInterval: 5_000 });
}
