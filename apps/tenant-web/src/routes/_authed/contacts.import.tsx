import { createFileRoute } from '@tanstack/react-router';
import { PageHeader } from '@dbulk/ui';
import { ImportWizard } from '../../features/contacts/components/import-wizard';
import { RecentImports } from '../../features/contacts/components/recent-imports';

export const Route = createFileRoute('/_authed/contacts/import')({
  loader: ({ context: { queryClient, trpc } }) => queryClient.ensureQueryData(trpc.lists.list.queryOptions()),
  component: () => (
    <>
      <PageHeader
        eyebrow="Contacts"
        title="Import contacts"
        description="Numbers are normalised to E.164 in your default country; repeated numbers are merged, rejected rows listed with their line, and opted-out contacts stay opted out."
      />
      <ImportWizard />
      <RecentImports />
    </>
  ),
});
