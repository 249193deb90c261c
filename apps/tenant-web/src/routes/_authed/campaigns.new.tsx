import { createFileRoute, Link, useNavigate } from '@tanstack/react-router';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { Icon, LoadingState, Notice, PageHeader } from '@dbulk/ui';
import { AudienceStep } from '../../features/campaigns/components/wizard/audience-step';
import { MappingStep } from '../../features/campaigns/components/wizard/mapping-step';
import { ReviewStep } from '../../features/campaigns/components/wizard/review-step';
import { ScheduleStep } from '../../features/campaigns/components/wizard/schedule-step';
import { TemplateStep } from '../../features/campaigns/components/wizard/template-step';
import { WizardStepper } from '../../features/campaigns/components/wizard/wizard-stepper';
import { canDraftCampaigns, canRunCampaigns } from '../../features/campaigns/utils/permissions';
import {
  reachableStep,
  WIZARD_STEPS,
  wizardSearchSchema,
  type WizardStep,
} from '../../features/campaigns/utils/wizard';
import { useTRPC } from '../../lib/trpc';

/** The campaign wizard: the step and the draft's id live in the URL, the draft itself on the server. */
export const Route = createFileRoute('/_authed/campaigns/new')({
  validateSearch: wizardSearchSchema,
  loaderDeps: ({ search }) => ({ campaignId: search.campaignId }),
  loader: ({ context: { queryClient, trpc }, deps }) =>
    Promise.all([
      queryClient.ensureQueryData(trpc.tenants.current.queryOptions()),
      queryClient.ensureQueryData(trpc.whatsapp.list.queryOptions()),
      deps.campaignId
        ? queryClient.ensureQueryData(trpc.campaigns.byId.queryOptions({ campaignId: deps.campaignId }))
        : null,
    ]),
  component: WizardPage,
});

function WizardPage() {
  const trpc = useTRPC();
  const search = Route.useSearch();
  const navigate = useNavigate({ from: Route.fullPath });
  const { data: tenant } = useSuspenseQuery(trpc.tenants.current.queryOptions());
  const { data: accounts } = useSuspenseQuery(trpc.whatsapp.list.queryOptions());
  const { campaignId } = search;
  const detail = useQuery(
    trpc.campaigns.byId.queryOptions({ campaignId: campaignId ?? '' }, { enabled: campaignId !== undefined }),
  );
  const campaign = detail.data;
  const step = reachableStep(search.step, campaign !== undefined);
  const go = (to: WizardStep, id = campaignId) => void navigate({ search: { campaignId: id, step: to } });
  const next = (id = campaignId) => go(WIZARD_STEPS[WIZARD_STEPS.indexOf(step) + 1] ?? 'review', id);
  const back = () => go(WIZARD_STEPS[WIZARD_STEPS.indexOf(step) - 1] ?? 'template');
  const businessName = tenant.name;

  const header = (
    <PageHeader
      eyebrow={
        <Link to="/campaigns" className="ui-row" style={{ gap: 4, display: 'inline-flex' }}>
          <Icon name="arrow-left" style={{ width: 14, height: 14 }} /> Campaigns
        </Link>
      }
      title={campaign ? campaign.name : 'New campaign'}
      description="Saved as a draft as you go: leave and come back any time."
    />
  );
  if (!canDraftCampaigns(tenant.role)) {
    return (
      <>
        {header}
        <Notice tone="info">
          Viewers can follow campaigns but not create them. Ask an admin for the member role.
        </Notice>
      </>
    );
  }
  if (campaignId && !campaign)
    return detail.error ? <Notice tone="warning">This draft is not available.</Notice> : <LoadingState />;
  if (campaign && campaign.status !== 'DRAFT') {
    return (
      <>
        {header}
        <Notice tone="info">
          This campaign has started; it can no longer be edited.{' '}
          <Link to="/campaigns/$campaignId" params={{ campaignId: campaign.id }}>
            Open it
          </Link>
        </Notice>
      </>
    );
  }

  return (
    <>
      {header}
      <WizardStepper current={step} hasDraft={campaign !== undefined} onGo={(s) => go(s)} />
      <div data-testid="wizard-panel" data-step={step}>
        {step === 'template' && (
          <TemplateStep
            campaign={campaign}
            accounts={accounts}
            businessName={businessName}
            onSaved={(id) => next(id)}
          />
        )}
        {campaign && step === 'audience' && (
          <AudienceStep key={campaign.id} campaign={campaign} onSaved={() => next()} onBack={back} />
        )}
        {campaign && step === 'mapping' && (
          <MappingStep
            key={campaign.template.id}
            campaign={campaign}
            businessName={businessName}
            onSaved={() => next()}
            onBack={back}
          />
        )}
        {campaign && step === 'schedule' && (
          <ScheduleStep campaign={campaign} timeZone={tenant.timezone} onSaved={() => next()} onBack={back} />
        )}
        {campaign && step === 'review' && (
          <ReviewStep
            campaign={campaign}
            timeZone={tenant.timezone}
            canStart={canRunCampaigns(tenant.role)}
            onBack={back}
            onStarted={() =>
              void navigate({ to: '/campaigns/$campaignId', params: { campaignId: campaign.id }, search: {} })
            }
          />
        )}
      </div>
    </>
  );
}
