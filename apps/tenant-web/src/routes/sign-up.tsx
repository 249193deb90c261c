import { useQuery } from '@tanstack/react-query';
import { createFileRoute, Link, redirect } from '@tanstack/react-router';
import { AuthPage, ErrorBanner, LoadingState, Notice, RoleBadge } from '@dbulk/ui';
import { SignUpForm } from '../features/auth/components/sign-up-form';
import { signUpSearchSchema } from '../lib/search';
import { useTRPC } from '../lib/trpc';

export const Route = createFileRoute('/sign-up')({
  validateSearch: (search) => signUpSearchSchema.parse(search),
  beforeLoad: async ({ context, search }) => {
    const me = await context.queryClient.ensureQueryData(context.trpc.auth.me.queryOptions());
    if (!me) return;
    if (search.invitation) throw redirect({ to: '/invitations/$token', params: { token: search.invitation } });
    throw redirect({ to: '/' });
  },
  loaderDeps: ({ search }) => ({ invitation: search.invitation }),
  // A bad token must not break the page: prefetch only, the component shows the error.
  loader: ({ context, deps }) => {
    if (deps.invitation) {
      void context.queryClient.prefetchQuery(context.trpc.invitations.byToken.queryOptions({ token: deps.invitation }));
    }
  },
  component: SignUpPage,
});

function SignUpPage() {
  const { invitation: token } = Route.useSearch();
  const trpc = useTRPC();
  const invitation = useQuery({
    ...trpc.invitations.byToken.queryOptions({ token: token ?? '' }),
    enabled: Boolean(token),
  });

  const footer = (
    <>
      Already have an account?{' '}
      <Link to="/sign-in" search={token ? { redirect: `/invitations/${token}` } : {}} data-testid="go-sign-in">
        Sign in
      </Link>
    </>
  );

  if (!token) {
    return (
      <AuthPage title="Create your account" subtitle="Start sending WhatsApp template campaigns in minutes." footer={footer}>
        <SignUpForm />
      </AuthPage>
    );
  }
  if (invitation.isPending) return <LoadingState label="Checking your invitation…" />;

  const usable = invitation.data && !invitation.data.expired && !invitation.data.accepted;
  return (
    <AuthPage
      title={invitation.data ? `Join ${invitation.data.tenantName}` : 'Create your account'}
      subtitle={
        invitation.data ? (
          <>
            You were invited as <RoleBadge role={invitation.data.role} />
          </>
        ) : undefined
      }
      footer={footer}
    >
      {invitation.error && <ErrorBanner error={invitation.error} title="This invitation cannot be used" />}
      {invitation.data?.expired && <Notice tone="warning">This invitation has expired. Ask for a new link.</Notice>}
      {invitation.data?.accepted && <Notice tone="info">This invitation has already been accepted.</Notice>}
      {usable ? (
        <SignUpForm invitation={{ token, email: invitation.data.email }} />
      ) : (
        <Link to="/sign-up" search={{}}>
          Create an account with a new tenant instead
        </Link>
      )}
    </AuthPage>
  );
}
