import { createFileRoute, redirect } from '@tanstack/react-router';
import { safeRedirectPath } from '@dbulk/ui';
import { SignInForm } from '../features/auth/components/sign-in-form';
import { signInSearchSchema } from '../lib/search';
import { AuthPage } from './-components/auth-page';

export const Route = createFileRoute('/sign-in')({
  validateSearch: (search) => signInSearchSchema.parse(search),
  beforeLoad: async ({ context, search }) => {
    const me = await context.queryClient.ensureQueryData(context.trpc.auth.me.queryOptions());
    if (me) throw redirect({ href: safeRedirectPath(search.redirect, '/tenants'), replace: true });
  },
  component: SignInPage,
});

function SignInPage() {
  const { redirect: target } = Route.useSearch();
  return (
    <AuthPage
      title="Platform console"
      subtitle="Sign in with a platform admin account."
      footer="Admin accounts are created with `dbulk create-admin`."
    >
      <SignInForm redirect={target} />
    </AuthPage>
  );
}
