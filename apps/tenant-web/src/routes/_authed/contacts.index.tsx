import { createFileRoute, Link } from '@tanstack/react-router';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { Button, PageHeader } from '@dbulk/ui';
import { ContactDialog } from '../../features/contacts/components/contact-dialog';
import { ContactsTable } from '../../features/contacts/components/contacts-table';
import { ContactsToolbar, type ContactFilters } from '../../features/contacts/components/contacts-toolbar';
import { canWriteContacts } from '../../features/contacts/utils/permissions';
import { useTRPC } from '../../lib/trpc';

export const Route = createFileRoute('/_authed/contacts/')({
  loader: async ({ context: { queryClient, trpc } }) => {
    await Promise.all([
      queryClient.ensureQueryData(trpc.tenants.current.queryOptions()),
      queryClient.ensureQueryData(trpc.lists.list.queryOptions()),
    ]);
  },
  component: ContactsPage,
});

function ContactsPage() {
  const trpc = useTRPC();
  const { data: tenant } = useSuspenseQuery(trpc.tenants.current.queryOptions());
  const { data: lists } = useSuspenseQuery(trpc.lists.list.queryOptions());
  const [filters, setFilters] = useState<ContactFilters>({ search: '', listId: '', tag: '', optOut: 'all' });
  // Typing in the search box does not refetch on every key.
  const deferred = useDeferredValue(filters);
  const [adding, setAdding] = useState(false);
  const canWrite = canWriteContacts(tenant.role);
  return (
    <>
      <PageHeader
        title="Contacts"
        description="Recipients keyed by E.164 phone, with their tags, attributes and opt-out state."
        actions={
          <div className="ui-row">
            <Link
              to="/contacts/lists"
              className="ui-button ui-button--ghost ui-button--md"
              data-testid="contacts-to-lists"
            >
              Lists
            </Link>
            {canWrite && (
              <Link
                to="/contacts/import"
                className="ui-button ui-button--secondary ui-button--md"
                data-testid="contacts-to-import"
              >
                Import CSV
              </Link>
            )}
            {canWrite && (
              <Button variant="primary" onClick={() => setAdding(true)} data-testid="contact-add">
                Add contact
              </Button>
            )}
          </div>
        }
      />
      <ContactsTable
        filters={deferred}
        canWrite={canWrite}
        toolbar={
          <ContactsToolbar
            filters={filters}
            onChange={(patch) => setFilters((f) => ({ ...f, ...patch }))}
            lists={lists}
          />
        }
      />
      <ContactDialog open={adding} onClose={() => setAdding(false)} />
    </>
  );
}
