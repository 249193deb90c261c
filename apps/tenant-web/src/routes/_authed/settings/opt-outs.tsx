import { createFileRoute } from '@tanstack/react-router';
import { useSuspenseQuery } from '@tanstack/react-query';
import { PageHeader } from '@dbulk/ui';
import { OptOutKeywordsCard } from '../../../features/settings/components/opt-out-keywords-card';
import { OptOutSourcesCard } from '../../../features/settings/components/opt-out-sources-card';
import { useTRPC } from '../../../lib/trpc';

export const Route = createFileRoute('/_authed/settings/opt-outs')({
  loader: async ({ context: { queryClient, trpc } }) => {
    await Promise.all([
      queryClient.ensureQueryData(trpc.tenants.current.queryOptions()),
      queryClient.ensureQueryData(trpc.optOuts.settings.queryOptions()),
    ]);
  },
  component: OptOutsSettingsPage,
});

function OptOutsSettingsPage() {
  const trpc = useTRPC();
  const { data: tenant } = useSuspenseQuery(trpc.tenants.current.queryOptions());
  const { data: settings } = useSuspenseQuery(trpc.optOuts.settings.queryOptions());
  return (
    <>
      <PageHeader title="Opt-outs" description={`How contacts stop messages from ${tenant.name}.`} />
      <OptOutKeywordsCard role={tenant.role} />
      <OptOutSourcesCard marketingButtons={settings.marketingButtons} />
    </>
  );
}
