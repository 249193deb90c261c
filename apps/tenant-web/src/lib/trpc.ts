/**
 * The typed tRPC client for the tenant router: queries/mutations batch over HTTP, subscriptions
 * use SSE. Both go to the same origin (Vite proxies /trpc), so the session cookie is sent as is.
 * @see https://trpc.io/docs/client/tanstack-react-query/setup
 */
import type { TenantRouter } from '@dbulk/api';
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { createTRPCContext, type TRPCOptionsProxy } from '@trpc/tanstack-react-query';

export const TRPC_URL = '/trpc/tenant';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<TenantRouter>();
export type TrpcClient = ReturnType<typeof createTrpcClient>;

export type Trpc = TRPCOptionsProxy<TenantRouter>;
export type RouterInputs = inferRouterInputs<TenantRouter>;
export type RouterOutputs = inferRouterOutputs<TenantRouter>;
export type Me = NonNullable<RouterOutputs['auth']['me']>;

export function createTrpcClient() {
  return createTRPCClient<TenantRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({ url: TRPC_URL }),
        false: httpBatchLink({ url: TRPC_URL, maxURLLength: 2000 }),
      }),
    ],
  });
}
