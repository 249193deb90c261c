import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { Button, Card, ErrorBanner, formatRelativeTime, RoleBadge, Table } from '@dbulk/ui';
import { useTRPC } from '../../../lib/trpc';

export function PendingInvitations() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: invitations } = useSuspenseQuery(trpc.members.invitations.queryOptions());
  const revoke = useMutation(
    trpc.members.revokeInvitation.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.members.invitations.queryFilter()),
    }),
  );

  return (
    <Card title="Pending invitations" description="Links that have not been used yet." flush>
      {revoke.error && (
        <div style={{ padding: '0 20px 12px' }}>
          <ErrorBanner error={revoke.error} />
        </div>
      )}
      {invitations.length === 0 ? (
        <p className="ui-muted" style={{ padding: '4px 20px 20px' }} data-testid="no-invitations">
          No pending invitations.
        </p>
      ) : (
        <Table
          testId="invitations-table"
          caption="Pending invitations"
          rows={invitations}
          rowKey={(i) => i.id}
          rowTestId={(i) => `invitation-row-${i.email}`}
          columns={[
            { key: 'email', header: 'Email', render: (i) => <strong>{i.email}</strong> },
            { key: 'role', header: 'Role', render: (i) => <RoleBadge role={i.role} /> },
            { key: 'by', header: 'Invited by', render: (i) => <span className="ui-muted">{i.invitedByEmail}</span> },
            {
              key: 'expires',
              header: 'Expires',
              render: (i) => <span className="ui-muted">{formatRelativeTime(i.expiresAt)}</span>,
            },
            {
              key: 'actions',
              header: <span className="ui-visually-hidden">Actions</span>,
              align: 'right',
              render: (i) => (
                <Button
                  size="sm"
                  variant="ghost"
                  loading={revoke.isPending && revoke.variables?.invitationId === i.id}
                  onClick={() => revoke.mutate({ invitationId: i.id })}
                  data-testid={`revoke-invitation-${i.email}`}
                >
                  Revoke
                </Button>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
