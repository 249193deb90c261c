import { useSuspenseQuery } from '@tanstack/react-query';
import { Card, DescriptionList, ErrorBanner, formatDuration, Stat, StatusBadge } from '@dbulk/ui';
import { useTRPC } from '../../../lib/trpc';

export const HEALTH_REFRESH_MS = 5_000;

/** Dependencies as the api sees them, polled every 5 s while the page is open. */
export function HealthPanel() {
  const trpc = useTRPC();
  const { data, dataUpdatedAt, isRefetchError, error } = useSuspenseQuery({
    ...trpc.system.health.queryOptions(),
    refetchInterval: HEALTH_REFRESH_MS,
    refetchIntervalInBackground: false,
  });

  return (
    <>
      {isRefetchError && <ErrorBanner error={error} title="The last health check failed; showing the previous answer." />}
      <div className="ui-grid">
        <Stat
          label="PostgreSQL"
          value={<StatusBadge status={data.database} label={data.database === 'up' ? 'Up' : 'Down'} testId="health-database" />}
          hint="Source of truth"
        />
        <Stat
          label="Kafka"
          value={<StatusBadge status={data.kafka} label={data.kafka === 'up' ? 'Up' : 'Down'} testId="health-kafka" />}
          hint="Send and webhook pipelines"
        />
        <Stat label="API uptime" value={formatDuration(data.uptimeSeconds)} hint={`Version ${data.version}`} />
      </div>
      <Card title="Details">
        <DescriptionList
          items={[
            { label: 'Version', value: <code data-testid="health-version">{data.version}</code> },
            { label: 'Last checked', value: new Date(dataUpdatedAt).toLocaleTimeString() },
            { label: 'Refresh', value: `every ${HEALTH_REFRESH_MS / 1000} seconds` },
          ]}
        />
      </Card>
      <Card title="Throughput" description="Live send rates and consumer lag per topic.">
        <p className="ui-muted">Arrives with the sender and processor metrics.</p>
      </Card>
    </>
  );
}
