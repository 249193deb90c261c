import { createFileRoute } from '@tanstack/react-router';
import { useCallback } from 'react';
import { PageHeader } from '@dbulk/ui';
import { auditListOptions } from '../../features/audit/api/audit-queries';
import { AuditFilters, type AuditFilterValues } from '../../features/audit/components/audit-filters';
import { AuditTable } from '../../features/audit/components/audit-table';
import { auditSearchSchema, compactSearch } from '../../lib/search';

export const Route = createFileRoute('/_authed/audit')({
  validateSearch: (search) => auditSearchSchema.parse(search),
  loaderDeps: ({ search }) => ({ tenantId: search.tenantId, action: search.action }),
  loader: ({ context: { queryClient, trpc }, deps }) => queryClient.ensureInfiniteQueryData(auditListOptions(trpc, deps)),
  component: AuditPage,
});

function AuditPage() {
  const filters = Route.useSearch();
  const navigate = Route.useNavigate();
  const onChange = useCallback(
    (next: AuditFilterValues) => void navigate({ search: compactSearch({ tenantId: next.tenantId, action: next.action }) }),
    [navigate],
  );
  return (
    <>
      <PageHeader title="Audit log" description="Who changed what, where and when — across all tenants and the platform." />
      <AuditFilters value={filters} onChange={onChange} />
      <AuditTable filters={filters} onTenantClick={(tenantId) => onChange({ ...filters, tenantId })} />
    </>
  );
}
