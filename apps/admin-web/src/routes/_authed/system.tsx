import { createFileRoute } from '@tanstack/react-router';
import { PageHeader } from '@dbulk/ui';
import { HealthPanel } from '../../features/system/components/health-panel';

export const Route = createFileRoute('/_authed/system')({
  loader: ({ context: { queryClient, trpc } }) => queryClient.ensureQueryData(trpc.system.health.queryOptions()),
  component: () => (
    <>
      <PageHeader title="System" description="Health of the api and its dependencies, refreshed every 5 seconds." />
      <HealthPanel />
    </>
  ),
});
