/**
 * The admin console's router: the shared setup (@dbulk/web: QueryClient with the expired-session
 * redirect, tRPC client, pending/error defaults) bound to the admin router and its routes.
 * @see https://github.com/TanStack/router/tree/main/examples/react/with-trpc-react-query
 */
import { createRouter, type AnyRouter } from '@tanstack/react-router';
import type { AdminRouter } from '@dbulk/api';
import { createRouterSetup } from '@dbulk/web';
import { TRPC_URL, TRPCProvider } from './lib/trpc';
import { routeTree } from './routeTree.gen';
import { NotFound } from './routes/-components/not-found';

export function createAppRouter() {
  const setup = createRouterSetup<AdminRouter>({ trpcUrl: TRPC_URL, TRPCProvider, router: (): AnyRouter => router });
  const router = createRouter({ ...setup.options, routeTree, context: setup.context, defaultNotFoundComponent: NotFound });
  return router;
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
