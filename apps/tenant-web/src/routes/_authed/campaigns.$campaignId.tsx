import { createFileRoute, Link, useNavigate } from '@tanstack/react-router';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { Icon, Notice, PageHeader } from '@dbulk/ui';
import {
  campaignCsvUrl,
  campaignSearchSchema,
  type CampaignSearch,
} from '../../features/campaigns/api/campaign-queries';
import { CampaignActions } from '../../features/campaigns/components/campaign-actions';
import { DiscardDraftButton } from '../../features/campaigns/components/discard-draft-button';
import { CampaignFacts } from '../../features/campaigns/components/campaign-facts';
import { CampaignStatusBadge } from '../../features/campaigns/components/campaign-status-badge';
import { EstimateVsActual } from '../../features/campaigns/components/estimate-vs-actual';
import { LiveCounters } from '../../features/campaigns/components/live-counters';
import { MessagesTable } from '../../features/campaigns/components/messages-table';
import { SendRateChart } from '../../features/campaigns/components/send-rate-chart';
import { StatusBanner } from '../../features/campaigns/components/status-banner';
import { RATE_WINDOW_MS, useCampaignProgress } from '../../features/campaigns/hooks/use-campaign-progress';
import { canDraftCampaigns, canRunCampaigns } from '../../features/campaigns/utils/permissions';
import { useTRPC } from '../../lib/trpc';

export const Route = createFileRoute('/_authed/campaigns/$campaignId')({
  validateSearch: campaignSearchSchema,
  loader: ({ context: { queryClient, trpc }, params }) =>
    Promise.all([
      queryClient.ensureQueryData(trpc.tenants.current.queryOptions()),
      queryClient.ensureQueryData(trpc.campaigns.byId.queryOptions({ campaignId: params.campaignId })),
    ]),
  component: CampaignPage,
});

function CampaignPage() {
  const { campaignId } = Route.useParams();
  const search = Route.useSearch();
  const navigate = useNavigate({ from: Route.fullPath });
  const trpc = useTRPC();
  const { data: tenant } = useSuspenseQuery(trpc.tenants.current.queryOptions());
  const { data: campaign } = useSuspenseQuery(trpc.campaigns.byId.queryOptions({ campaignId }));
  const lists = useQuery(trpc.lists.list.queryOptions());
  const progress = useCampaignProgress(campaign);
  const onSearch = useCallback(
    (patch: Partial<CampaignSearch>) =>
      void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true }),
    [navigate],
  );
  const listNames = (lists.data ?? []).filter((l) => campaign.listIds.includes(l.id)).map((l) => l.name);
  const isDraft = campaign.status === 'DRAFT';

  return (
    <>
      <PageHeader
        eyebrow={
          <Link to="/campaigns" className="ui-row" style={{ gap: 4, display: 'inline-flex' }}>
            <Icon name="arrow-left" style={{ width: 14, height: 14 }} /> Campaigns
          </Link>
        }
        title={
          <span className="ui-row" style={{ gap: 12 }}>
            <span data-testid="campaign-title">{campaign.name}</span>
            <CampaignStatusBadge status={campaign.status} testId="campaign-status" />
          </span>
        }
        description={`${campaign.template.name} from ${campaign.account.displayPhoneNumber ?? 'your number'}`}
        actions={
          <>
            {isDraft && canDraftCampaigns(tenant.role) && (
              <Link
                to="/campaigns/new"
                search={{ campaignId, step: 'review' }}
                className="ui-button ui-button--primary ui-button--md"
                data-testid="campaign-continue"
              >
                <Icon name="edit" />
                <span>Continue editing</span>
              </Link>
            )}
            {isDraft && canDraftCampaigns(tenant.role) && (
              <DiscardDraftButton campaignId={campaignId} name={campaign.name} />
            )}
            {!isDraft && canRunCampaigns(tenant.role) && <CampaignActions campaign={campaign} />}
            {!isDraft && (
              <a
                href={campaignCsvUrl(campaignId)}
                download
                className="ui-button ui-button--secondary ui-button--md"
                data-testid="campaign-export"
              >
                <Icon name="download" />
                <span>Export CSV</span>
              </a>
            )}
          </>
        }
      />
      <StatusBanner campaign={campaign} />
      {isDraft ? (
        <div className="ui-stack">
          <Notice tone="info">
            This campaign is a draft: nothing is sent until it is started from the wizard’s review.
          </Notice>
          <CampaignFacts campaign={campaign} listNames={listNames} timeZone={tenant.timezone} />
        </div>
      ) : (
        <div className="ui-stack">
          <LiveCounters counters={progress.counters} live={progress.status} error={progress.error} />
          <div className="ui-split">
            <SendRateChart snapshots={progress.snapshots} windowMs={RATE_WINDOW_MS} />
            <aside className="ui-split__aside">
              <CampaignFacts campaign={campaign} listNames={listNames} timeZone={tenant.timezone} />
              <EstimateVsActual
                campaignId={campaignId}
                live={campaign.status !== 'CANCELLED' && campaign.status !== 'FAILED'}
              />
            </aside>
          </div>
          <MessagesTable
            campaignId={campaignId}
            search={search}
            onSearch={onSearch}
            version={JSON.stringify(progress.counters)}
          />
        </div>
      )}
    </>
  );
}
