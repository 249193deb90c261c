/**
 * What happens to cached data when who-you-are changes. Nothing of one user's session may show
 * under the next user's header, so these drop cached data rather than merely mark it stale.
 */
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useRouter, type AnyRouter } from '@tanstack/react-router';
import { safeRedirectPath } from '@dbulk/ui';
import { isAuthMeQuery } from './query-client';

export function useSessionTransitions() {
  const queryClient = useQueryClient();
  const router = useRouter();

  return {
    /**
     * After sign-in / sign-up: forget everything, then go where the user was headed, or `home`
     * (each app has its own start page) when `redirect` is absent or not a path on this site.
     */
    async signedIn(redirect?: string, home = '/') {
      queryClient.removeQueries();
      await router.navigate({ href: safeRedirectPath(redirect, home), replace: true });
    },

    /** After sign-out: mark signed out, leave the authed area, then drop the previous user's data. */
    async signedOut() {
      queryClient.setQueriesData({ predicate: isAuthMeQuery }, null);
      await router.navigate({ to: '/sign-in', search: {}, replace: true });
      queryClient.removeQueries({ predicate: (query) => !isAuthMeQuery(query) });
    },
  };
}

/**
 * The QueryClient's answer to an expired session: mark signed out without refetching (the api
 * would only say UNAUTHORIZED again) and go to /sign-in, which brings the user back afterwards.
 * Already on /sign-in, a failed who-am-I is the expected state, not an expiry.
 */
export function redirectToSignIn(router: AnyRouter, queryClient: QueryClient): void {
  const { location } = router.state;
  if (location.pathname === '/sign-in') return;
  queryClient.setQueriesData({ predicate: isAuthMeQuery }, null);
  void queryClient.invalidateQueries({ predicate: isAuthMeQuery, refetchType: 'none' });
  void router.navigate({ to: '/sign-in', search: { redirect: location.href }, replace: true });
}
