import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Badge, Button, Card, EmptyState, ErrorBanner, Table, type Column } from '@dbulk/ui';
import { useTRPC, type RouterOutputs } from '../../../lib/trpc';
import { ContactDialog } from './contact-dialog';
import type { ContactFilters } from './contacts-toolbar';
import { OptOutBadge } from './opt-out-badge';

type Contact = RouterOutputs['contacts']['byId'];
const PAGE_SIZE = 50;

function listInput(filters: ContactFilters) {
  return {
    search: filters.search.trim() || undefined,
    listId: filters.listId || undefined,
    tag: filters.tag.trim() || undefined,
    optedOut: filters.optOut === 'all' ? undefined : filters.optOut === 'opted-out',
    limit: PAGE_SIZE,
  };
}

/** The contacts matching the filters, 50 at a time (cursor paging), with edit and opt out/in. */
export function ContactsTable({
  filters,
  canWrite,
  toolbar,
}: {
  filters: ContactFilters;
  canWrite: boolean;
  toolbar: React.ReactNode;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Contact | null>(null);
  const query = useInfiniteQuery(
    trpc.contacts.list.infiniteQueryOptions(listInput(filters), {
      getNextPageParam: (page) => page.nextCursor ?? undefined,
      placeholderData: keepPreviousData,
    }),
  );
  const optOut = useMutation(
    trpc.contacts.setOptOut.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.contacts.pathFilter()),
    }),
  );
  const rows = query.data?.pages.flatMap((p) => p.items) ?? [];

  const columns: Column<Contact>[] = [
    { key: 'phone', header: 'Phone', render: (c) => <span className="ui-mono">{c.phone}</span> },
    { key: 'name', header: 'Name', render: (c) => c.name ?? <span className="ui-muted">—</span> },
    {
      key: 'tags',
      header: 'Tags',
      render: (c) => (
        <span className="ui-row">
          {c.tags.map((t) => (
            <Badge key={t}>{t}</Badge>
          ))}
        </span>
      ),
    },
    {
      key: 'state',
      header: 'Status',
      render: (c) => (
        <OptOutBadge
          optedOutAt={c.optedOutAt}
          suppressions={c.suppressions}
          testId={`contact-state-${c.phone}`}
        />
      ),
    },
  ];
  if (canWrite)
    columns.push({
      key: 'actions',
      header: '',
      align: 'right',
      render: (c) => (
        <span className="ui-row" style={{ justifyContent: 'flex-end' }}>
          <Button
            size="sm"
            variant="ghost"
            onClick={() => setEditing(c)}
            data-testid={`contact-edit-${c.phone}`}
          >
            Edit
          </Button>
          <Button
            size="sm"
            variant={c.optedOutAt ? 'secondary' : 'ghost'}
            loading={optOut.isPending && optOut.variables?.contactId === c.id}
            onClick={() => optOut.mutate({ contactId: c.id, optedOut: !c.optedOutAt })}
            data-testid={`contact-opt-${c.phone}`}
          >
            {c.optedOutAt ? 'Opt back in' : 'Opt out'}
          </Button>
        </span>
      ),
    });

  return (
    <Card flush>
      {toolbar}
      {(query.error || optOut.error) && <ErrorBanner error={query.error ?? optOut.error} />}
      <Table
        testId="contacts-table"
        caption="Contacts"
        rows={rows}
        rowKey={(c) => c.id}
        rowTestId={(c) => `contact-row-${c.phone}`}
        columns={columns}
        empty={
          query.isPending ? (
            <EmptyState icon="contacts" title="Loading contacts…" />
          ) : (
            <EmptyState
              icon="contacts"
              title="No contacts match"
              description="Add one, import a CSV, or change the filters."
              testId="contacts-empty"
            />
          )
        }
      />
      {query.hasNextPage && (
        <div className="ui-card__footer">
          <Button
            size="sm"
            loading={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage()}
            data-testid="contacts-more"
          >
            Show more
          </Button>
        </div>
      )}
      <ContactDialog
        open={editing !== null}
        onClose={() => setEditing(null)}
        contact={editing ?? undefined}
      />
    </Card>
  );
}
