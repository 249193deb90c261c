import { createFileRoute } from '@tanstack/react-router';
import { PageHeader } from '@dbulk/ui';
import { KillSwitchPanel } from '../../features/sending/components/kill-switch-panel';

export const Route = createFileRoute('/_authed/sending')({
  loader: ({ context: { queryClient, trpc } }) => queryClient.ensureQueryData(trpc.system.settings.queryOptions()),
  component: () => (
    <>
      <PageHeader
        title="Sending controls"
        description="Stop or resume all sending on the platform. Per-tenant sending is on each tenant’s page."
      />
      <KillSwitchPanel />
    </>
  ),
});
