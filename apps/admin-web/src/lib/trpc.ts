/**
 * The typed tRPC client for the admin router: queries/mutations batch over HTTP, subscriptions
 * use SSE. Both go to the same origin (Vite proxies /trpc), so the session cookie is sent as is.
 * @see https://trpc.io/docs/client/tanstack-react-query/setup
 */
import type { AdminRouter } from '@dbulk/api';
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { createTRPCContext, type TRPCOptionsProxy } from '@trpc/tanstack-react-query';

export const TRPC_URL = '/trpc/admin';

export const { TRPCProvider, useTRPC } = createTRPCContext<AdminRouter>();

export type Trpc = TRPCOptionsProxy<AdminRouter>;
export type RouterInputs = inferRouterInputs<AdminRouter>;
export type RouterOutputs = inferRouterOutputs<AdminRouter>;
export type Me = NonNullable<RouterOutputs['auth']['me']>;

export function createTrpcClient() {
  return createTRPCClient<AdminRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({ url: TRPC_URL }),
        false: httpBatchLink({ url: TRPC_URL, maxURLLength: 2000 }),
      }),
    ],
  });
}
