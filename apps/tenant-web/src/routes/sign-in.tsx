import { createFileRoute, Link, redirect } from '@tanstack/react-router';
import { AuthPage, safeRedirectPath, SignInForm } from '@dbulk/ui';
import { useSignIn } from '@dbulk/web';
import { signInSearchSchema } from '../lib/search';
import { useTRPC } from '../lib/trpc';

export const Route = createFileRoute('/sign-in')({
  validateSearch: (search) => signInSearchSchema.parse(search),
  beforeLoad: async ({ context, search }) => {
    const me = await context.queryClient.ensureQueryData(context.trpc.auth.me.queryOptions());
    if (me) throw redirect({ href: safeRedirectPath(search.redirect), replace: true });
  },
  component: SignInPage,
});

function SignInPage() {
  const { redirect: target } = Route.useSearch();
  const trpc = useTRPC();
  const signIn = useSignIn(trpc.auth.signIn, { redirect: target });
  return (
    <AuthPage
      title="Sign in"
      subtitle="Welcome back. Sign in to manage your WhatsApp campaigns."
      footer={
        <>
          New to dbulk?{' '}
          <Link to="/sign-up" search={{}} data-testid="go-sign-up">
            Create an account
          </Link>
        </>
      }
    >
      <SignInForm mutation={signIn} />
    </AuthPage>
  );
}
