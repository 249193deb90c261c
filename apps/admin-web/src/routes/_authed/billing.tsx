import { createFileRoute, useNavigate } from '@tanstack/react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ErrorBanner, LoadingState, Notice, PageHeader, TextField } from '@dbulk/ui';
import { marginsInput, marginSearchSchema } from '../../features/billing/api/billing-queries';
import { MarginChart } from '../../features/billing/components/margin-chart';
import { MarginsTable } from '../../features/billing/components/margins-table';
import { TenantSearch } from '../../features/tenants/components/tenant-search';
import { useTRPC } from '../../lib/trpc';

export const Route = createFileRoute('/_authed/billing')({
  validateSearch: marginSearchSchema,
  loaderDeps: ({ search }) => marginsInput(search),
  loader: ({ context: { queryClient, trpc }, deps }) =>
    queryClient.ensureQueryData(trpc.billing.margins.queryOptions(deps)),
  component: BillingPage,
});

function BillingPage() {
  const search = Route.useSearch();
  const input = marginsInput(search);
  const navigate = useNavigate({ from: Route.fullPath });
  const trpc = useTRPC();
  const margins = useQuery({
    ...trpc.billing.margins.queryOptions(input),
    placeholderData: keepPreviousData,
  });
  const onSearch = useCallback(
    (patch: { from?: string; to?: string; q?: string }) =>
      void navigate({
        search: (prev) => ({ ...prev, ...patch, q: (patch.q ?? prev.q) || undefined }),
        replace: true,
      }),
    [navigate],
  );
  const onName = useCallback((q: string) => onSearch({ q }), [onSearch]);
  return (
    <>
      <PageHeader
        title="Billing"
        description="What each tenant was billed, what Meta charges for it, and the margin; credit limits and balance adjustments (UTC days)."
        actions={
          <div className="ui-row" style={{ gap: 8, alignItems: 'flex-end' }}>
            <TextField
              label="From"
              type="date"
              value={input.from}
              max={input.to}
              onChange={(e) => e.target.value && onSearch({ from: e.target.value })}
              data-testid="margin-from"
            />
            <TextField
              label="To"
              type="date"
              value={input.to}
              min={input.from}
              onChange={(e) => e.target.value && onSearch({ to: e.target.value })}
              data-testid="margin-to"
            />
          </div>
        }
      />
      <div className="ui-stack">
        <TenantSearch value={search.q} onSearch={onName} />
        {margins.error && <ErrorBanner error={margins.error} onRetry={() => void margins.refetch()} />}
        {!margins.data ? (
          <LoadingState />
        ) : (
          <>
            {margins.data.truncated && (
              <Notice tone="info">
                Only the {margins.data.tenants.length} tenants billed most are listed; search by name for the
                others.
              </Notice>
            )}
            <MarginChart tenants={margins.data.tenants} />
            <MarginsTable report={margins.data} />
          </>
        )}
      </div>
    </>
  );
}
