import { createFileRoute, useNavigate } from '@tanstack/react-router';
import { keepPreviousData, useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { Card, EmptyState, ErrorBanner, PageHeader } from '@dbulk/ui';
import {
  billingSearchSchema,
  periodOf,
  type BillingSearch,
} from '../../features/billing/api/billing-queries';
import { BalanceTiles } from '../../features/billing/components/balance-tiles';
import { LedgerTable } from '../../features/billing/components/ledger-table';
import { PeriodPicker } from '../../features/billing/components/period-picker';
import { SpendBars } from '../../features/billing/components/spend-bars';
import { SpendByDayChart } from '../../features/billing/components/spend-by-day-chart';
import { formatMoney } from '../../features/billing/utils/money';
import { canSeeBilling } from '../../features/billing/utils/permissions';
import { categoryLabel } from '../../features/billing/utils/spend-chart';
import { useTRPC } from '../../lib/trpc';

export const Route = createFileRoute('/_authed/billing')({
  validateSearch: billingSearchSchema,
  loaderDeps: ({ search }) => periodOf(search),
  loader: async ({ context: { queryClient, trpc }, deps }) => {
    const tenant = await queryClient.ensureQueryData(trpc.tenants.current.queryOptions());
    if (!canSeeBilling(tenant.role)) return;
    await Promise.all([
      queryClient.ensureQueryData(trpc.billing.balance.queryOptions()),
      queryClient.ensureQueryData(trpc.billing.spend.queryOptions(deps)),
    ]);
  },
  component: BillingPage,
});

function BillingPage() {
  const trpc = useTRPC();
  const { data: tenant } = useSuspenseQuery(trpc.tenants.current.queryOptions());
  if (canSeeBilling(tenant.role)) return <BillingDashboard />;
  return (
    <>
      <PageHeader title="Billing" description="Credit, spend and the ledger of the tenant." />
      <Card>
        <EmptyState
          icon="card"
          title="Visible to owners and admins"
          description="Billing shows the tenant’s balance, spend and every ledger entry. Ask an owner if you need it; each campaign’s page shows its own cost."
          testId="billing-not-allowed"
        />
      </Card>
    </>
  );
}

function BillingDashboard() {
  const search = Route.useSearch();
  const navigate = useNavigate({ from: Route.fullPath });
  const trpc = useTRPC();
  const period = periodOf(search);
  const spend = useQuery({ ...trpc.billing.spend.queryOptions(period), placeholderData: keepPreviousData });
  const campaigns = useQuery(trpc.campaigns.list.queryOptions({ limit: 100 }));
  const onSearch = useCallback(
    (patch: Partial<BillingSearch>) =>
      void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true }),
    [navigate],
  );
  const report = spend.data;
  return (
    <>
      <PageHeader
        title="Billing"
        description="Credit, spend by category, country and campaign, and every ledger entry. Each delivered template message is priced by the recipient’s market and the category Meta reports."
        actions={<PeriodPicker from={period.from} to={period.to} onChange={onSearch} />}
      />
      <div className="ui-stack">
        <BalanceTiles />
        {spend.error && <ErrorBanner error={spend.error} onRetry={() => void spend.refetch()} />}
        {report && (
          <>
            <SpendByDayChart byDay={report.byDay} from={report.from} to={report.to} total={report.total} />
            <div className="ui-grid">
              <SpendBars
                title="Spend by country"
                description={`Markets by the recipient’s calling code · ${formatMoney(report.total)}`}
                bars={report.byMarket.map((m) => ({
                  key: m.key,
                  label: m.key === 'unknown' ? 'Unknown market' : m.key,
                  amount: m.amount,
                  count: m.count,
                }))}
                testId="spend-by-market"
                empty="No spend in this period"
              />
              <SpendBars
                title="Top campaigns"
                description="The ten campaigns that cost the most in the period"
                bars={report.topCampaigns.map((c) => ({
                  key: c.campaignId,
                  label: c.campaignName,
                  amount: c.amount,
                  count: c.count,
                }))}
                testId="spend-by-campaign"
                empty="No campaign spend in this period"
              />
              <SpendBars
                title="Spend by category"
                description="As Meta categorised each message"
                bars={report.byCategory.map((c) => ({
                  key: c.key,
                  label: categoryLabel(c.key),
                  amount: c.amount,
                  count: c.count,
                }))}
                testId="spend-by-category"
                empty="No spend in this period"
              />
            </div>
          </>
        )}
        <LedgerTable
          search={search}
          onSearch={onSearch}
          campaigns={(campaigns.data?.items ?? []).map((c) => ({ id: c.id, name: c.name }))}
        />
      </div>
    </>
  );
}
