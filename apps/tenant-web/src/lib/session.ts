/**
 * The tenant app's session transitions: sign-in and sign-out from @dbulk/web, plus what happens
 * when the current tenant changes. Data of one tenant must never be shown under another's
 * header, so a change drops it rather than merely marking it stale.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { isAuthMeQuery, useSessionTransitions as useSharedTransitions } from '@dbulk/web';

export function useSessionTransitions() {
  const shared = useSharedTransitions();
  const queryClient = useQueryClient();
  const router = useRouter();

  return {
    ...shared,

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
