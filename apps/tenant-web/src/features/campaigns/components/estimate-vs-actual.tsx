import { useQuery } from '@tanstack/react-query';
import { Card, DescriptionList, ErrorBanner } from '@dbulk/ui';
import { useTRPC } from '../../../lib/trpc';

const REFRESH_MS = 5_000;
const usd = (amount: number) =>
  new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: 2,
    maximumFractionDigits: 4,
  }).format(amount);

/**
 * The quote made at start against what the campaign has cost so far (live), and the counts that
 * explain the difference: messages never delivered are never charged.
 */
export function EstimateVsActual({ campaignId, live }: { campaignId: string; live: boolean }) {
  const trpc = useTRPC();
  // Charges follow deliveries, which keep arriving for a while after the last send.
  const cost = useQuery({
    ...trpc.billing.campaignCost.queryOptions({ campaignId }),
    refetchInterval: live ? REFRESH_MS : false,
  });
  if (cost.error) return <ErrorBanner error={cost.error} title="Cost unavailable" />;
  const c = cost.data;
  if (!c) return null;
  const share = c.estimated ? Math.min(1, c.actual / c.estimated) : null;
  return (
    <Card title="Cost" description="Estimate at start against the charges so far" data-testid="campaign-cost">
      <DescriptionList
        items={[
          {
            label: 'Estimated',
            value: (
              <span data-testid="campaign-cost-estimated">
                {c.estimated === null ? '—' : usd(c.estimated)}
              </span>
            ),
          },
          { label: 'Actual so far', value: <span data-testid="campaign-cost-actual">{usd(c.actual)}</span> },
          {
            label: 'Difference',
            value: c.difference === null ? '—' : `${c.difference > 0 ? '+' : ''}${usd(c.difference)}`,
          },
          {
            label: 'Charged',
            value: `${c.charges.toLocaleString()} of ${c.recipients.toLocaleString()} recipients`,
          },
          {
            label: 'Not charged',
            value: `${c.notDelivered.toLocaleString()} never delivered${c.inFlight ? ` · ${c.inFlight.toLocaleString()} still in flight` : ''}`,
          },
        ]}
      />
      {share !== null && (
        <div
          aria-label={`${Math.round(share * 100)}% of the estimate spent`}
          style={{ height: 6, background: 'var(--ui-border)', borderRadius: 3, marginTop: 8 }}
        >
          <div
            style={{
              width: `${share * 100}%`,
              height: '100%',
              background: 'var(--ui-accent)',
              borderRadius: 3,
            }}
          />
        </div>
      )}
    </Card>
  );
}
