/**
 * What happens to cached data when who-you-are or which-tenant changes. Data of one tenant or user
 * must never be shown under another's header, so these drop it rather than merely mark it stale.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { safeRedirectPath } from '@dbulk/ui';
import { isAuthMeQuery } from './query-client';

export function useSessionTransitions() {
  const queryClient = useQueryClient();
  const router = useRouter();

  return {
    /** After sign-in / sign-up: forget everything, then go where the user was headed. */
    async signedIn(redirect?: string) {
      queryClient.removeQueries();
      await router.navigate({ href: safeRedirectPath(redirect, '/'), replace: true });
    },

    /** After sign-out: mark signed out, leave the authed area, then drop the previous user's data. */
    async signedOut() {
      queryClient.setQueriesData({ predicate: isAuthMeQuery }, null);
      await router.navigate({ to: '/sign-in', search: {}, replace: true });
      queryClient.removeQueries({ predicate: (query) => !isAuthMeQuery(query) });
    },

    /**
     * After switching, creating or joining a tenant: drop tenant data first, then refetch who-am-I;
     * its new currentTenantId remounts the authed outlet (keyed by tenant), then loaders re-run.
     */
    async tenantChanged(options: { goHome?: boolean } = {}) {
      await queryClient.cancelQueries();
      queryClient.removeQueries({ predicate: (query) => !isAuthMeQuery(query) });
      await queryClient.invalidateQueries({ predicate: isAuthMeQuery });
      if (options.goHome) await router.navigate({ to: '/' });
      else await router.invalidate();
    },
  };
}
