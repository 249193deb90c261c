/**
 * What both apps' routers share. "The router coordinates, Query caches": the router context
 * carries the QueryClient and the tRPC options proxy, so loaders `ensureQueryData` exactly what
 * components read with `useSuspenseQuery`. The app keeps `createRouter` itself, so its route
 * tree is checked against this context, and adds what differs (route tree, not-found page).
 * @see https://github.com/TanStack/router/tree/main/examples/react/with-trpc-react-query
 */
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { AnyRouter } from '@tanstack/react-router';
import type { TRPCClient } from '@trpc/client';
import type { AnyTRPCRouter } from '@trpc/server';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { ComponentType, ReactNode } from 'react';
import { LoadingState } from '@dbulk/ui';
import { createQueryClient } from './query-client';
import { RouteError } from './route-error';
import { redirectToSignIn } from './session';
import { createTrpcClient } from './trpc-client';

export interface RouterSetupOptions<TRouter extends AnyTRPCRouter> {
  /** The app's tRPC path, e.g. `/trpc/tenant`. */
  trpcUrl: string;
  /** From the app's `createTRPCContext<TRouter>()`, so its `useTRPC` finds this client. */
  TRPCProvider: ComponentType<{ children: ReactNode; queryClient: QueryClient; trpcClient: TRPCClient<TRouter> }>;
  /** The router being built; read only when a session expires, long after it exists. */
  router: () => AnyRouter;
}

export function createRouterSetup<TRouter extends AnyTRPCRouter>({ trpcUrl, TRPCProvider, router }: RouterSetupOptions<TRouter>) {
  const queryClient = createQueryClient(() => redirectToSignIn(router(), queryClient));
  const trpcClient = createTrpcClient<TRouter>(trpcUrl);
  const trpc = createTRPCOptionsProxy<TRouter>({ client: trpcClient, queryClient });

  const options = {
    defaultPreload: 'intent' as const,
    // Query owns freshness; the router always asks it (ensureQueryData is cheap when cached).
    defaultPreloadStaleTime: 0,
    defaultPendingMs: 150,
    defaultPendingComponent: () => <LoadingState />,
    defaultErrorComponent: RouteError,
    scrollRestoration: true,
    Wrap: ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
          {children}
        </TRPCProvider>
      </QueryClientProvider>
    ),
  };
  return { context: { queryClient, trpc }, options };
}
