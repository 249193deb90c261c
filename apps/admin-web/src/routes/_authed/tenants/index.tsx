import { createFileRoute } from '@tanstack/react-router';
import { useCallback } from 'react';
import { PageHeader } from '@dbulk/ui';
import { tenantsListOptions } from '../../../features/tenants/api/tenants-queries';
import { TenantSearch } from '../../../features/tenants/components/tenant-search';
import { TenantsTable } from '../../../features/tenants/components/tenants-table';
import { compactSearch, tenantsSearchSchema } from '../../../lib/search';

export const Route = createFileRoute('/_authed/tenants/')({
  validateSearch: (search) => tenantsSearchSchema.parse(search),
  loaderDeps: ({ search }) => ({ q: search.q }),
  loader: ({ context: { queryClient, trpc }, deps }) => queryClient.ensureInfiniteQueryData(tenantsListOptions(trpc, deps.q)),
  component: TenantsPage,
});

function TenantsPage() {
  const { q } = Route.useSearch();
  const navigate = Route.useNavigate();
  const onSearch = useCallback((text: string) => void navigate({ search: compactSearch({ q: text }), replace: true }), [navigate]);
  return (
    <>
      <PageHeader title="Tenants" description="Find a tenant, see who is in it, suspend it or stop its sending." />
      <TenantSearch value={q} onSearch={onSearch} />
      <TenantsTable search={q} />
    </>
  );
}
