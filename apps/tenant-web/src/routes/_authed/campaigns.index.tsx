import { createFileRoute, Link, useNavigate } from '@tanstack/react-router';
import { useSuspenseInfiniteQuery, useSuspenseQuery } from '@tanstack/react-query';
import { Button, Card, EmptyState, Icon, PageHeader, SegmentedControl } from '@dbulk/ui';
import { campaignListInput, campaignsSearchSchema } from '../../features/campaigns/api/campaign-queries';
import { CampaignsTable } from '../../features/campaigns/components/campaigns-table';
import { CAMPAIGN_STATUSES, type CampaignStatus } from '../../features/campaigns/utils/campaign-status';
import { canDraftCampaigns } from '../../features/campaigns/utils/permissions';
import { useTRPC, type Trpc } from '../../lib/trpc';

const FILTERS = [
  { value: 'ALL', label: 'All' },
  ...CAMPAIGN_STATUSES.map((s) => ({ value: s, label: s.charAt(0) + s.slice(1).toLowerCase() })),
];

/** Every page of the list is one infinite query; the loader fetches its first page. */
const listOptions = (trpc: Trpc, status: CampaignStatus | undefined) =>
  trpc.campaigns.list.infiniteQueryOptions(campaignListInput({ status }), {
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const Route = createFileRoute('/_authed/campaigns/')({
  validateSearch: campaignsSearchSchema,
  loaderDeps: ({ search }) => search,
  loader: ({ context: { queryClient, trpc }, deps }) =>
    Promise.all([
      queryClient.ensureQueryData(trpc.tenants.current.queryOptions()),
      queryClient.ensureInfiniteQueryData(listOptions(trpc, deps.status)),
    ]),
  component: CampaignsPage,
});

function CampaignsPage() {
  const trpc = useTRPC();
  const { status } = Route.useSearch();
  const navigate = useNavigate({ from: Route.fullPath });
  const { data: tenant } = useSuspenseQuery(trpc.tenants.current.queryOptions());
  const list = useSuspenseInfiniteQuery({
    ...listOptions(trpc, status),
    // Running campaigns move; re-read the list while any is shown.
    refetchInterval: (query) =>
      query.state.data?.pages.some((p) => p.items.some((c) => c.status === 'RUNNING')) ? 5_000 : false,
  });
  const rows = list.data.pages.flatMap((p) => p.items);
  const newButton = (testId: string) =>
    canDraftCampaigns(tenant.role) && (
      <Link to="/campaigns/new" className="ui-button ui-button--primary ui-button--md" data-testid={testId}>
        <Icon name="plus" />
        <span>New campaign</span>
      </Link>
    );

  return (
    <>
      <PageHeader
        title="Campaigns"
        description="Send an approved template to your contact lists, paced within Meta’s limits, and watch delivery live."
        actions={newButton('new-campaign')}
      />
      <Card
        flush
        title={
          <SegmentedControl
            label="Filter by status"
            size="sm"
            options={FILTERS}
            value={status ?? 'ALL'}
            onChange={(value) =>
              void navigate({
                search: { status: value === 'ALL' ? undefined : (value as CampaignStatus) },
                replace: true,
              })
            }
            testId="campaigns-filter"
          />
        }
        footer={
          list.hasNextPage && (
            <Button size="sm" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
              Load more
            </Button>
          )
        }
      >
        <CampaignsTable
          rows={rows}
          empty={
            <EmptyState
              icon="send"
              title={status ? 'No campaigns with this status' : 'No campaigns yet'}
              description="Pick an approved template and your lists, map the variables, check the preflight, then start or schedule."
              action={status ? undefined : newButton('new-campaign-empty')}
              testId="campaigns-empty"
            />
          }
        />
      </Card>
    </>
  );
}
