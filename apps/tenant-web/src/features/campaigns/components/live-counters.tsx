import { Badge, Card, ErrorBanner, Stat } from '@dbulk/ui';
import type { Counters } from '../utils/campaign-status';
import { finished, percent } from '../utils/counters';
import { ProgressBar } from './progress-bar';

const LIVE = {
  idle: { tone: 'neutral', text: 'Not live' },
  connecting: { tone: 'warning', text: 'Connecting…' },
  pending: { tone: 'success', text: 'Live' },
  error: { tone: 'danger', text: 'Offline' },
} as const;

const STATS: { key: keyof Counters; label: string }[] = [
  { key: 'total', label: 'Recipients' },
  { key: 'accepted', label: 'Accepted' },
  { key: 'sent', label: 'Sent' },
  { key: 'delivered', label: 'Delivered' },
  { key: 'read', label: 'Read' },
  { key: 'failed', label: 'Failed' },
  { key: 'skipped', label: 'Skipped' },
];

/** The counters as they move, the bar by status, and whether the live feed is connected. */
export function LiveCounters({
  counters,
  live,
  error,
}: {
  counters: Counters;
  live: keyof typeof LIVE;
  error: unknown;
}) {
  const label = LIVE[live];
  const inFlight = counters.pending + counters.queued + counters.sending + counters.retryWait;
  return (
    <Card
      title="Progress"
      description={`${percent(finished(counters), counters.total)}% done · ${inFlight.toLocaleString()} still to go`}
      actions={
        <Badge tone={label.tone} testId="campaign-live">
          <span className="ui-badge__dot" aria-hidden="true" />
          {label.text}
        </Badge>
      }
    >
      {error != null && <ErrorBanner error={error} title="Live updates stopped" />}
      <div className="ui-grid" style={{ gridTemplateColumns: 'repeat(auto-fit, minmax(110px, 1fr))', marginBottom: 16 }}>
        {STATS.map((s) => (
          <div key={s.key} data-value={counters[s.key]} data-testid={`counter-${s.key}`}>
            <Stat label={s.label} value={counters[s.key].toLocaleString()} />
          </div>
        ))}
      </div>
      <ProgressBar counters={counters} testId="campaign-progress" />
    </Card>
  );
}
