import { createFileRoute } from '@tanstack/react-router';
import { useSuspenseQuery } from '@tanstack/react-query';
import { PageHeader } from '@dbulk/ui';
import { CreateListForm } from '../../features/contacts/components/create-list-form';
import { ListsTable } from '../../features/contacts/components/lists-table';
import { canDeleteLists, canWriteContacts } from '../../features/contacts/utils/permissions';
import { useTRPC } from '../../lib/trpc';

export const Route = createFileRoute('/_authed/contacts/lists')({
  loader: async ({ context: { queryClient, trpc } }) => {
    await Promise.all([
      queryClient.ensureQueryData(trpc.tenants.current.queryOptions()),
      queryClient.ensureQueryData(trpc.lists.list.queryOptions()),
    ]);
  },
  component: ListsPage,
});

function ListsPage() {
  const trpc = useTRPC();
  const { data: tenant } = useSuspenseQuery(trpc.tenants.current.queryOptions());
  const canWrite = canWriteContacts(tenant.role);
  return (
    <>
      <PageHeader eyebrow="Contacts" title="Lists" description="Groups of contacts that campaigns send to." />
      {canWrite && <CreateListForm />}
      <ListsTable canWrite={canWrite} canDelete={canDeleteLists(tenant.role)} />
    </>
  );
}
