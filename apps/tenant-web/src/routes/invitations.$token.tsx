import { createFileRoute, Link, type ErrorComponentProps } from '@tanstack/react-router';
import { AuthPage, ErrorBanner } from '@dbulk/ui';
import { InvitationCard } from '../features/invitations/components/invitation-card';

export const Route = createFileRoute('/invitations/$token')({
  loader: async ({ context, params }) => {
    await Promise.all([
      context.queryClient.ensureQueryData(context.trpc.invitations.byToken.queryOptions({ token: params.token })),
      context.queryClient.ensureQueryData(context.trpc.auth.me.queryOptions()),
    ]);
  },
  component: InvitationPage,
  errorComponent: InvitationError,
});

function InvitationPage() {
  const { token } = Route.useParams();
  return (
    <AuthPage title="You’re invited" subtitle="Join your team on dbulk.">
      <InvitationCard token={token} />
    </AuthPage>
  );
}

function InvitationError({ error }: ErrorComponentProps) {
  return (
    <AuthPage
      title="Invitation not available"
      footer={
        <Link to="/sign-in" search={{}}>
          Go to sign in
        </Link>
      }
    >
      <ErrorBanner error={error} />
      <p className="ui-muted">The link may be mistyped, revoked or replaced by a newer one.</p>
    </AuthPage>
  );
}
