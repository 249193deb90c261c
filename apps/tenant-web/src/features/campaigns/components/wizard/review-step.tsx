import { useQuery } from '@tanstack/react-query';
import { Button, Card, DescriptionList, ErrorBanner, Icon, Notice, Spinner, Stat } from '@dbulk/ui';
import { useTRPC } from '../../../../lib/trpc';
import { useCampaignActions } from '../../hooks/use-campaign-actions';
import { skipReasonLabel, type CampaignDetail } from '../../utils/campaign-status';
import { formatInZone } from '../../utils/schedule';
import { variableLabel } from '../../utils/wizard';
import { MessagingLimitFit } from './messaging-limit-fit';

/** Who is left out and why; a phone in several lists is not left out, only sent once. */
function SkippedList({ skipped }: { skipped: { reason: string; count: number }[] }) {
  const shown = skipped.filter((s) => s.count > 0);
  if (shown.length === 0) return <p className="ui-muted ui-small">Nobody is skipped.</p>;
  return (
    <DescriptionList
      items={shown.map((s) => ({
        label: skipReasonLabel(s.reason),
        value: (
          <span data-testid={`preflight-skipped-${s.reason}`}>
            {s.count.toLocaleString()}{' '}
            {s.reason === 'duplicate' ? 'in more than one list, sent once' : 'skipped'}
          </span>
        ),
      }))}
    />
  );
}

/** Step 5: the preflight (who gets it, who is skipped and why, the messaging-limit fit), then Start or Schedule. */
export function ReviewStep({
  campaign,
  timeZone,
  canStart,
  onStarted,
  onBack,
}: {
  campaign: CampaignDetail;
  timeZone: string;
  canStart: boolean;
  onStarted: () => void;
  onBack: () => void;
}) {
  const trpc = useTRPC();
  const preflight = useQuery(trpc.campaigns.preflight.queryOptions({ campaignId: campaign.id }));
  const { start } = useCampaignActions();
  // The schedule step only saves future times; start says SCHEDULED or RUNNING by the clock then.
  const scheduled = campaign.scheduledAt !== null;
  const p = preflight.data;
  const blocked = !p || p.unmapped.length > 0 || p.willSend === 0;

  return (
    <Card title="Review" description="What will happen when you start. Counted now; counted again at start.">
      <div className="ui-stack">
        {preflight.error && <ErrorBanner error={preflight.error} onRetry={() => void preflight.refetch()} />}
        {start.error && <ErrorBanner error={start.error} title="Could not start" />}
        {preflight.isPending && <Spinner label="Counting recipients" />}
        {p && (
          <>
            <div
              className="ui-grid"
              style={{ gridTemplateColumns: 'repeat(3, minmax(0, 1fr))' }}
              data-testid="preflight"
            >
              <div data-testid="preflight-recipients" data-value={p.recipients}>
                <Stat
                  label="Recipients"
                  value={p.recipients.toLocaleString()}
                  hint="Distinct numbers in your lists and tags"
                />
              </div>
              <div data-testid="preflight-will-send" data-value={p.willSend}>
                <Stat label="Will be sent" value={p.willSend.toLocaleString()} />
              </div>
              <div data-testid="preflight-cost" data-value={p.estimatedCost}>
                <Stat
                  label="Estimated cost"
                  value={`$${Number(p.estimatedCost).toFixed(2)}`}
                  hint={
                    p.cost.unpriced > 0
                      ? `Held from your credit at start; ${p.cost.unpriced.toLocaleString()} recipients have no rate`
                      : 'Held from your credit at start; never-delivered messages are released'
                  }
                />
              </div>
            </div>
            <SkippedList skipped={p.skipped} />
            <MessagingLimitFit limit={p.messagingLimit} />
            {p.unmapped.length > 0 && (
              <ErrorBanner
                title="Variables without a value"
                message={`Map ${p.unmapped.map(variableLabel).join(', ')} before starting.`}
              />
            )}
            {scheduled && campaign.scheduledAt && (
              <Notice tone="info">Scheduled: starts {formatInZone(campaign.scheduledAt, timeZone)}.</Notice>
            )}
            {!canStart && (
              <Notice tone="info">
                Owners and admins start campaigns. Your draft is saved; ask one of them to start it.
              </Notice>
            )}
          </>
        )}
      </div>
      <div className="ui-row" style={{ justifyContent: 'space-between', marginTop: 16 }}>
        <Button variant="ghost" onClick={onBack}>
          Back
        </Button>
        {canStart && (
          <Button
            variant="primary"
            icon={<Icon name={scheduled ? 'clock' : 'send'} />}
            loading={start.isPending}
            disabled={blocked}
            onClick={() => start.mutate({ campaignId: campaign.id }, { onSuccess: onStarted })}
            data-testid="wizard-start"
          >
            {scheduled ? 'Schedule campaign' : `Start sending to ${p?.willSend.toLocaleString() ?? '…'}`}
          </Button>
        )}
      </div>
    </Card>
  );
}
