import { useSuspenseQuery } from '@tanstack/react-query';
import { Card, DescriptionList, RoleBadge, Stat, StatusBadge } from '@dbulk/ui';
import { useTRPC } from '../../../lib/trpc';
import { SendingControl } from './sending-control';

/** The dashboard's top: who and where you are, what was sent lately, and the owner's brake. */
export function TenantOverview() {
  const trpc = useTRPC();
  const { data: tenant } = useSuspenseQuery(trpc.tenants.current.queryOptions());
  const { data: stats } = useSuspenseQuery(trpc.campaigns.stats.queryOptions());
  const rate = stats.deliveryRate === null ? '—' : `${(stats.deliveryRate * 100).toFixed(1)} %`;
  return (
    <>
      <div className="ui-grid">
        <Stat
          label="Messages sent · 30 days"
          value={stats.sent.toLocaleString()}
          hint={`${stats.read.toLocaleString()} read · ${stats.failed.toLocaleString()} failed`}
          testId="stat-messages"
        />
        <Stat label="Delivery rate" value={rate} hint="Delivered or read ÷ sent, 30 days" testId="stat-delivery-rate" />
      </div>
      <Card title="Tenant" description="The workspace your campaigns, contacts and templates belong to.">
        <DescriptionList
          items={[
            { label: 'Name', value: <span data-testid="dashboard-tenant-name">{tenant.name}</span> },
            { label: 'Your role', value: <RoleBadge role={tenant.role} testId="dashboard-role" /> },
            { label: 'Status', value: <StatusBadge status={tenant.status} /> },
            { label: 'Time zone', value: tenant.timezone },
            { label: 'Default country', value: tenant.defaultCountry },
          ]}
        />
      </Card>
      <SendingControl sendingEnabled={tenant.sendingEnabled} isOwner={tenant.role === 'owner'} />
    </>
  );
}
