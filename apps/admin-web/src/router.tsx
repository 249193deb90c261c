/**
 * The router coordinates, Query caches: the router context carries the QueryClient and the tRPC
 * options proxy so loaders `ensureQueryData` exactly what components read with `useSuspenseQuery`.
 * @see https://github.com/TanStack/router/tree/main/examples/react/with-trpc-react-query
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { createRouter } from '@tanstack/react-router';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { AdminRouter } from '@dbulk/api';
import { LoadingState } from '@dbulk/ui';
import { createQueryClient, isAuthMeQuery } from './lib/query-client';
import { createTrpcClient, TRPCProvider } from './lib/trpc';
import { routeTree } from './routeTree.gen';
import { RouteError } from './routes/-components/route-error';
import { NotFound } from './routes/-components/not-found';

export function createAppRouter() {
  const queryClient = createQueryClient(() => {
    const { location } = router.state;
    if (location.pathname === '/sign-in') return;
    queryClient.setQueriesData({ predicate: isAuthMeQuery }, null);
    void queryClient.invalidateQueries({ predicate: isAuthMeQuery, refetchType: 'none' });
    void router.navigate({ to: '/sign-in', search: { redirect: location.href }, replace: true });
  });
  const trpcClient = createTrpcClient();
  const trpc = createTRPCOptionsProxy<AdminRouter>({ client: trpcClient, queryClient });

  const router = createRouter({
    routeTree,
    context: { queryClient, trpc },
    defaultPreload: 'intent',
    // Query owns freshness; the router always asks it (ensureQueryData is cheap when cached).
    defaultPreloadStaleTime: 0,
    defaultPendingMs: 150,
    defaultPendingComponent: () => <LoadingState />,
    defaultErrorComponent: RouteError,
    defaultNotFoundComponent: NotFound,
    scrollRestoration: true,
    Wrap: ({ children }) => (
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
          {children}
        </TRPCProvider>
      </QueryClientProvider>
    ),
  });
  return router;
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
