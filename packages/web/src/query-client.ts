/**
 * One QueryClient per app. A global onError turns an expired session (tRPC UNAUTHORIZED, except a
 * failed sign-in) into a trip to /sign-in that returns to the current page afterwards.
 * @see https://tanstack.com/query/latest/docs/reference/QueryCache#global-callbacks
 */
import { MutationCache, QueryCache, QueryClient, type Query } from '@tanstack/react-query';
import { isSessionError, trpcCodeOf } from '@dbulk/ui';

/** tRPC keys look like [['auth', 'me'], { type: 'query' }]. */
export function isAuthMeQuery(query: Pick<Query, 'queryKey'>): boolean {
  const path = query.queryKey[0];
  return Array.isArray(path) && path.length === 2 && path[0] === 'auth' && path[1] === 'me';
}

const NO_RETRY = new Set(['BAD_REQUEST', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'TOO_MANY_REQUESTS']);

export function shouldRetry(failureCount: number, error: unknown): boolean {
  const code = trpcCodeOf(error);
  return failureCount < 2 && (code === undefined || !NO_RETRY.has(code));
}

declare module '@tanstack/react-query' {
  interface Register {
    /** `meta: { sessionRedirect: false }` keeps a mutation's UNAUTHORIZED on the page (e.g. sign-in forms). */
    mutationMeta: { sessionRedirect?: boolean };
  }
}

export function createQueryClient(onSessionExpired: () => void): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (isSessionError(error)) onSessionExpired();
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (mutation.meta?.sessionRedirect !== false && isSessionError(error)) onSessionExpired();
      },
    }),
    defaultOptions: {
      // Stale at once, so coming back to a page shows what others changed meanwhile. Suspense
      // queries keep a 1 s floor, so a loader's fetch is not repeated by the component mounting.
      queries: { staleTime: 0, retry: shouldRetry, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
}
