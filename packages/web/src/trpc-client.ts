/**
 * The tRPC client both apps use, typed by the app's root router and pointed at its path
 * (`/trpc/tenant`, `/trpc/admin`): queries/mutations batch over HTTP, subscriptions use SSE.
 * Both go to the same origin (Vite proxies /trpc), so the session cookie is sent as is.
 * @see https://trpc.io/docs/client/tanstack-react-query/setup
 */
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink, type TRPCClient, type TRPCLink } from '@trpc/client';
import type { AnyTRPCRouter } from '@trpc/server';

export function createTrpcClient<TRouter extends AnyTRPCRouter>(url: string): TRPCClient<TRouter> {
  // Typed for any router: whether a link needs a `transformer` cannot be decided for a generic
  // one. Neither root router has a transformer (the api speaks plain JSON), so none is passed.
  const links: TRPCLink<AnyTRPCRouter>[] = [
    splitLink({
      condition: (op) => op.type === 'subscription',
      true: httpSubscriptionLink({ url }),
      // Long batched GET URLs are refused by some proxies; past this tRPC splits the batch.
      false: httpBatchLink({ url, maxURLLength: 2000 }),
    }),
  ];
  return createTRPCClient<TRouter>({ links });
}
