import { createFileRoute } from '@tanstack/react-router';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Notice, PageHeader } from '@dbulk/ui';
import { InviteMemberCard } from '../../features/members/components/invite-member-card';
import { MembersTable } from '../../features/members/components/members-table';
import { PendingInvitations } from '../../features/members/components/pending-invitations';
import { canManageMembers } from '../../features/members/utils/permissions';
import { useTRPC } from '../../lib/trpc';

export const Route = createFileRoute('/_authed/members')({
  loader: async ({ context: { queryClient, trpc } }) => {
    const [tenant] = await Promise.all([
      queryClient.ensureQueryData(trpc.tenants.current.queryOptions()),
      queryClient.ensureQueryData(trpc.members.list.queryOptions()),
    ]);
    if (canManageMembers(tenant.role)) await queryClient.ensureQueryData(trpc.members.invitations.queryOptions());
  },
  component: MembersPage,
});

function MembersPage() {
  const trpc = useTRPC();
  const { data: tenant } = useSuspenseQuery(trpc.tenants.current.queryOptions());
  const { data: me } = useSuspenseQuery(trpc.auth.me.queryOptions());
  const manage = canManageMembers(tenant.role);
  return (
    <>
      <PageHeader title="Members" description={`People who can work in ${tenant.name}, and what each may do.`} />
      {!manage && (
        <Notice tone="info" testId="members-read-only">
          Only owners and admins can invite people or change roles.
        </Notice>
      )}
      {manage && <InviteMemberCard />}
      <MembersTable actorRole={tenant.role} actorUserId={me?.user.id ?? ''} />
      {manage && <PendingInvitations />}
    </>
  );
}
