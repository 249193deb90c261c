import { createFileRoute } from '@tanstack/react-router';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Card, EmptyState, PageHeader } from '@dbulk/ui';
import { ActivityFeed } from '../../features/activity/components/activity-feed';
import { BillingSummary } from '../../features/billing/components/billing-summary';
import { canSeeBilling } from '../../features/billing/utils/permissions';
import { TenantOverview } from '../../features/tenants/components/tenant-overview';
import { useTRPC } from '../../lib/trpc';
import { GettingStarted } from './-components/getting-started';

const canSeeActivity = (role: string) => role === 'owner' || role === 'admin';

export const Route = createFileRoute('/_authed/')({
  loader: async ({ context: { queryClient, trpc } }) => {
    const tenant = await queryClient.ensureQueryData(trpc.tenants.current.queryOptions());
    await queryClient.ensureQueryData(trpc.campaigns.stats.queryOptions());
    if (canSeeActivity(tenant.role)) await queryClient.ensureQueryData(trpc.audit.list.queryOptions({ limit: 15 }));
  },
  component: DashboardPage,
});

function DashboardPage() {
  const trpc = useTRPC();
  const { data: tenant } = useSuspenseQuery(trpc.tenants.current.queryOptions());
  return (
    <>
      <PageHeader title={tenant.name} description="Your tenant at a glance." />
      <TenantOverview />
      {canSeeBilling(tenant.role) && <BillingSummary />}
      <div className="ui-grid ui-grid--2">
        <GettingStarted />
        {canSeeActivity(tenant.role) ? (
          <ActivityFeed key={tenant.id} />
        ) : (
          <Card title="Activity">
            <EmptyState
              icon="shield"
              title="Visible to owners and admins"
              description="The tenant’s activity feed shows invitations, role changes and campaign actions. Ask an owner if you need it."
            />
          </Card>
        )}
      </div>
    </>
  );
}
