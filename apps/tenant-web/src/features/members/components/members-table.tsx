import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Avatar,
  Button,
  Card,
  Dialog,
  DialogFooter,
  EmptyState,
  ErrorBanner,
  formatDateTime,
  humanize,
  RoleBadge,
  Select,
  Table,
} from '@dbulk/ui';
import { useTRPC, type RouterOutputs } from '../../../lib/trpc';
import { assignableRoles, canChangeRole, canRemoveMember, type MemberRole } from '../utils/permissions';

type Member = RouterOutputs['members']['list'][number];

export function MembersTable({ actorRole, actorUserId }: { actorRole: string; actorUserId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: members } = useSuspenseQuery(trpc.members.list.queryOptions());
  const [removing, setRemoving] = useState<Member | null>(null);
  const refresh = () => queryClient.invalidateQueries(trpc.members.list.queryFilter());
  const changeRole = useMutation(trpc.members.changeRole.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(
    trpc.members.remove.mutationOptions({
      onSuccess: async () => {
        setRemoving(null);
        await refresh();
      },
    }),
  );

  return (
    <Card
      title="Members"
      description={`${members.length} ${members.length === 1 ? 'person has' : 'people have'} access to this tenant.`}
      flush
    >
      {changeRole.error && (
        <div style={{ padding: '0 20px 12px' }}>
          <ErrorBanner error={changeRole.error} />
        </div>
      )}
      <Table
        testId="members-table"
        caption="Members"
        rows={members}
        rowKey={(m) => m.userId}
        rowTestId={(m) => `member-row-${m.email}`}
        empty={<EmptyState icon="team" title="No members yet" />}
        columns={[
          {
            key: 'member',
            header: 'Member',
            render: (m) => (
              <div className="ui-row" style={{ flexWrap: 'nowrap' }}>
                <Avatar name={m.name || m.email} />
                <div style={{ minWidth: 0 }}>
                  <div style={{ fontWeight: 600 }}>
                    {m.name || m.email}
                    {m.userId === actorUserId && <span className="ui-muted"> (you)</span>}
                  </div>
                  <div className="ui-muted ui-small">{m.email}</div>
                </div>
              </div>
            ),
          },
          {
            key: 'role',
            header: 'Role',
            width: '180px',
            render: (m) => {
              const target = { role: m.role, isSelf: m.userId === actorUserId };
              if (!canChangeRole(actorRole, target)) return <RoleBadge role={m.role} testId={`member-role-${m.email}`} />;
              const roles = new Set<string>([...assignableRoles(actorRole, m.role), m.role]);
              return (
                <Select
                  size="sm"
                  aria-label={`Role of ${m.email}`}
                  value={m.role}
                  disabled={changeRole.isPending}
                  options={[...roles].map((role) => ({ value: role, label: humanize(role) }))}
                  onChange={(e) => changeRole.mutate({ userId: m.userId, role: e.target.value as MemberRole })}
                  data-testid={`member-role-${m.email}`}
                />
              );
            },
          },
          { key: 'joined', header: 'Joined', render: (m) => <span className="ui-muted">{formatDateTime(m.createdAt)}</span> },
          {
            key: 'actions',
            header: <span className="ui-visually-hidden">Actions</span>,
            align: 'right',
            render: (m) => (
              <Button
                size="sm"
                variant="ghost"
                disabled={!canRemoveMember(actorRole, { role: m.role, isSelf: m.userId === actorUserId })}
                onClick={() => setRemoving(m)}
                data-testid={`remove-member-${m.email}`}
              >
                Remove
              </Button>
            ),
          },
        ]}
      />
      <Dialog
        open={removing !== null}
        onClose={() => setRemoving(null)}
        tone="danger"
        title="Remove member"
        description={removing && `${removing.name || removing.email} loses access to this tenant immediately.`}
      >
        {remove.error && <ErrorBanner error={remove.error} />}
        <DialogFooter>
          <Button variant="ghost" onClick={() => setRemoving(null)}>
            Cancel
          </Button>
          <Button
            variant="danger"
            loading={remove.isPending}
            onClick={() => removing && remove.mutate({ userId: removing.userId })}
            data-testid="confirm-remove-member"
          >
            Remove
          </Button>
        </DialogFooter>
      </Dialog>
    </Card>
  );
}
