import { useSuspenseQuery } from '@tanstack/react-query';
import { Card, DescriptionList, RoleBadge, Stat, StatusBadge } from '@dbulk/ui';
import { useTRPC } from '../../../lib/trpc';

/** The dashboard's top: who and where you are, and the numbers later features fill in. */
export function TenantOverview() {
  const trpc = useTRPC();
  const { data: tenant } = useSuspenseQuery(trpc.tenants.current.queryOptions());
  return (
    <>
      <div className="ui-grid">
        <Stat label="Messages sent · 30 days" value="—" hint="Arrives with campaigns" testId="stat-messages" />
        <Stat label="Delivery rate" value="—" hint="Arrives with campaigns" />
        <Stat label="Spend this month" value="—" hint="Arrives with billing" />
        <Stat label="Credit remaining" value="—" hint="Arrives with billing" />
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
    </>
  );
}
