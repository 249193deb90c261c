import { createFileRoute, Link } from '@tanstack/react-router';
import { useSuspenseQuery } from '@tanstack/react-query';
import { PageHeader } from '@dbulk/ui';
import { TenantDetail } from '../../../features/tenants/components/tenant-detail';
import { useTRPC } from '../../../lib/trpc';

export const Route = createFileRoute('/_authed/tenants/$tenantId')({
  loader: ({ context: { queryClient, trpc }, params }) =>
    queryClient.ensureQueryData(trpc.tenants.byId.queryOptions({ tenantId: params.tenantId })),
  component: TenantPage,
});

function TenantPage() {
  const { tenantId } = Route.useParams();
  const trpc = useTRPC();
  const { data: tenant } = useSuspenseQuery(trpc.tenants.byId.queryOptions({ tenantId }));
  return (
    <>
      <PageHeader
        eyebrow={
          <Link to="/tenants" search={{}}>
            ← All tenants
          </Link>
        }
        title={<span data-testid="tenant-name">{tenant.name}</span>}
        description={
          <>
            Audit trail:{' '}
            <Link to="/audit" search={{ tenantId }}>
              entries for this tenant
            </Link>
          </>
        }
      />
      <TenantDetail tenantId={tenantId} />
    </>
  );
}
