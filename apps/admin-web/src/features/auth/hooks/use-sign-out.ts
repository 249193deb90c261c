import { useMutation } from '@tanstack/react-query';
import { useSessionTransitions } from '../../../lib/session';
import { useTRPC } from '../../../lib/trpc';

/** Signs out and lands on /sign-in even if the server call fails (the session may already be gone). */
export function useSignOut() {
  const trpc = useTRPC();
  const session = useSessionTransitions();
  return useMutation(
    trpc.auth.signOut.mutationOptions({
      meta: { sessionRedirect: false },
      onSettled: () => session.signedOut(),
    }),
  );
}
