import { useMutation, useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Button, DescriptionList, ErrorBanner, Notice, RoleBadge } from '@dbulk/ui';
import { useSessionTransitions } from '../../../lib/session';
import { useTRPC } from '../../../lib/trpc';

/** An invitation seen through its link: accept it when signed in, otherwise sign up or sign in first. */
export function InvitationCard({ token }: { token: string }) {
  const trpc = useTRPC();
  const session = useSessionTransitions();
  const { data: invitation } = useSuspenseQuery(trpc.invitations.byToken.queryOptions({ token }));
  const { data: me } = useSuspenseQuery(trpc.auth.me.queryOptions());
  const accept = useMutation(
    trpc.invitations.accept.mutationOptions({ onSuccess: () => session.tenantChanged({ goHome: true }) }),
  );

  const details = (
    <DescriptionList
      items={[
        { label: 'Tenant', value: <strong data-testid="invitation-tenant">{invitation.tenantName}</strong> },
        { label: 'Role', value: <RoleBadge role={invitation.role} /> },
        { label: 'For', value: invitation.email },
      ]}
    />
  );

  if (invitation.accepted) {
    return (
      <>
        {details}
        <Notice tone="info" testId="invitation-accepted">
          This invitation has already been accepted.
        </Notice>
        <Link to="/sign-in" search={{}}>
          Sign in
        </Link>
      </>
    );
  }
  if (invitation.expired) {
    return (
      <>
        {details}
        <Notice tone="warning" testId="invitation-expired">
          This invitation has expired. Ask whoever invited you for a new link.
        </Notice>
      </>
    );
  }
  if (!me) {
    return (
      <>
        {details}
        <div className="ui-stack">
          <Link to="/sign-up" search={{ invitation: token }} className="ui-button ui-button--primary ui-button--lg" data-testid="invitation-sign-up">
            Create an account to join
          </Link>
          <Link
            to="/sign-in"
            search={{ redirect: `/invitations/${token}` }}
            className="ui-button ui-button--secondary ui-button--lg"
            data-testid="invitation-sign-in"
          >
            I already have an account
          </Link>
        </div>
      </>
    );
  }

  const otherEmail = me.user.email.toLowerCase() !== invitation.email.toLowerCase();
  return (
    <>
      {details}
      {otherEmail && (
        <Notice tone="warning">
          You are signed in as {me.user.email}; the invitation was sent to {invitation.email}.
        </Notice>
      )}
      {accept.error && <ErrorBanner error={accept.error} />}
      <Button variant="primary" size="lg" loading={accept.isPending} onClick={() => accept.mutate({ token })} data-testid="accept-invitation">
        Join {invitation.tenantName}
      </Button>
    </>
  );
}
