import { createFileRoute, redirect } from '@tanstack/react-router';
import { AuthPage, Brand, safeRedirectPath, SignInForm } from '@dbulk/ui';
import { useSignIn } from '@dbulk/web';
import { signInSearchSchema } from '../lib/search';
import { useTRPC } from '../lib/trpc';

/** Where a sign-in without a usable `redirect` lands: the console starts at its tenant list. */
const HOME = '/tenants';

export const Route = createFileRoute('/sign-in')({
  validateSearch: (search) => signInSearchSchema.parse(search),
  beforeLoad: async ({ context, search }) => {
    const me = await context.queryClient.ensureQueryData(context.trpc.auth.me.queryOptions());
    if (me) throw redirect({ href: safeRedirectPath(search.redirect, HOME), replace: true });
  },
  component: SignInPage,
});

function SignInPage() {
  const { redirect: target } = Route.useSearch();
  const trpc = useTRPC();
  const signIn = useSignIn(trpc.auth.signIn, { redirect: target, home: HOME });
  return (
    <AuthPage
      brand={<Brand suffix="Admin" />}
      title="Platform console"
      subtitle="Sign in with a platform admin account."
      footer="Admin accounts are created with `dbulk create-admin`."
    >
      <SignInForm mutation={signIn} />
    </AuthPage>
  );
}
