/**
 * What happens to cached data when who-you-are changes: nothing of one admin's session is shown
 * to the next, so these drop the cache rather than merely mark it stale.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { safeRedirectPath } from '@dbulk/ui';
import { isAuthMeQuery } from './query-client';

export function useSessionTransitions() {
  const queryClient = useQueryClient();
  const router = useRouter();

  return {
    async signedIn(redirect?: string) {
      queryClient.removeQueries();
      await router.navigate({ href: safeRedirectPath(redirect, '/tenants'), replace: true });
    },

    async signedOut() {
      queryClient.setQueriesData({ predicate: isAuthMeQuery }, null);
      await router.navigate({ to: '/sign-in', search: {}, replace: true });
      queryClient.removeQueries({ predicate: (query) => !isAuthMeQuery(query) });
    },
  };
}
