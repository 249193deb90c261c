import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Card, EmptyState, ErrorBanner, formatDateTime, Table, type Column } from '@dbulk/ui';
import { useTRPC, type RouterOutputs } from '../../../lib/trpc';
import { RenameListDialog } from './rename-list-dialog';

type List = RouterOutputs['lists']['list'][number];

/** The tenant's lists with their member counts; rename for members, delete for admins. */
export function ListsTable({ canWrite, canDelete }: { canWrite: boolean; canDelete: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: lists } = useSuspenseQuery(trpc.lists.list.queryOptions());
  const [renaming, setRenaming] = useState<List | null>(null);
  const remove = useMutation(
    trpc.lists.delete.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.lists.pathFilter()),
    }),
  );

  const columns: Column<List>[] = [
    { key: 'name', header: 'Name', render: (l) => <strong>{l.name}</strong> },
    {
      key: 'members',
      header: 'Contacts',
      align: 'right',
      render: (l) => <span data-testid={`list-members-${l.name}`}>{l.members.toLocaleString()}</span>,
    },
    { key: 'created', header: 'Created', render: (l) => formatDateTime(l.createdAt) },
  ];
  if (canWrite)
    columns.push({
      key: 'actions',
      header: '',
      align: 'right',
      render: (l) => (
        <span className="ui-row" style={{ justifyContent: 'flex-end' }}>
          <Button
            size="sm"
            variant="ghost"
            onClick={() => setRenaming(l)}
            data-testid={`list-rename-${l.name}`}
          >
            Rename
          </Button>
          {canDelete && (
            <Button
              size="sm"
              variant="ghost"
              loading={remove.isPending && remove.variables?.listId === l.id}
              onClick={() => remove.mutate({ listId: l.id })}
            >
              Delete
            </Button>
          )}
        </span>
      ),
    });

  return (
    <Card flush>
      {remove.error && <ErrorBanner error={remove.error} />}
      <Table
        testId="lists-table"
        caption="Lists"
        rows={lists}
        rowKey={(l) => l.id}
        rowTestId={(l) => `list-row-${l.name}`}
        columns={columns}
        empty={
          <EmptyState
            icon="list"
            title="No lists yet"
            description="Create one, or pick a new list when importing."
            testId="lists-empty"
          />
        }
      />
      <RenameListDialog list={renaming} onClose={() => setRenaming(null)} />
    </Card>
  );
}
