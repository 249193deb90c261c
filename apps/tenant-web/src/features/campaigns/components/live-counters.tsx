import { Badge, Card, ErrorBanner, Stat } from '@dbulk/ui';
import type { Counters } from '../utils/campaign-status';
import { finished, percent, reached } from '../utils/counters';
import { ProgressBar } from './progress-bar';

const LIVE = {
  idle: { tone: 'neutral', text: 'Not live' },
  connecting: { tone: 'warning', text: 'Connecting…' },
  pending: { tone: 'success', text: 'Live' },
  error: { tone: 'danger', text: 'Offline' },
} as const;

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
  const figures = reached(counters);
  return (
    <Card
      title="Progress"
      description={`${percent(finished(counters), counters.total)}% done · ${figures.inFlight.toLocaleString()} still to go`}
      actions={
        <Badge tone={label.tone} testId="campaign-live">
          <span className="ui-badge__dot" aria-hidden="true" />
          {label.text}
        </Badge>
      }
    >
      {error != null && <ErrorBanner error={error} title="Live updates stopped" />}
      <div
        className="ui-grid"
        style={{ gridTemplateColumns: 'repeat(auto-fit, minmax(110px, 1fr))', marginBottom: 16 }}
      >
        {figures.list.map((f) => (
          <div key={f.key} data-value={f.value} data-testid={`counter-${f.key}`}>
            <Stat
              label={f.label}
              value={f.value.toLocaleString()}
              hint={`${percent(f.value, counters.total)}%`}
            />
          </div>
        ))}
      </div>
      <ProgressBar counters={counters} testId="campaign-progress" />
    </Card>
  );
}
