/**
 * Sign-in and sign-out as mutations, given the app's own tRPC procedure (`trpc.auth.signIn`,
 * `trpc.auth.signOut`): the two apps have different root routers, but the same session rules.
 * Both keep UNAUTHORIZED on the page (`sessionRedirect: false`): a wrong password is not an
 * expired session, and signing out of an expired session must still land on /sign-in.
 */
import { useMutation, type UseMutationOptions } from '@tanstack/react-query';
import { useSessionTransitions } from './session';

/** The slice of a tRPC mutation procedure these hooks call. */
export interface MutationProcedure<TInput, TOutput, TError> {
  mutationOptions(
    options: Pick<UseMutationOptions<TOutput, TError, TInput>, 'meta' | 'onSuccess' | 'onSettled'>,
  ): UseMutationOptions<TOutput, TError, TInput>;
}

export function useSignIn<TInput, TOutput, TError>(
  procedure: MutationProcedure<TInput, TOutput, TError>,
  { redirect, home }: { redirect?: string | undefined; home?: string } = {},
) {
  const session = useSessionTransitions();
  return useMutation(
    procedure.mutationOptions({
      meta: { sessionRedirect: false },
      onSuccess: () => session.signedIn(redirect, home),
    }),
  );
}

/** Lands on /sign-in even if the server call fails (the session may already be gone). */
export function useSignOut<TInput, TOutput, TError>(procedure: MutationProcedure<TInput, TOutput, TError>) {
  const session = useSessionTransitions();
  return useMutation(
    procedure.mutationOptions({
      meta: { sessionRedirect: false },
      onSettled: () => session.signedOut(),
    }),
  );
}
