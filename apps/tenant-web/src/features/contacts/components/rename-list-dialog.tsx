import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button, Dialog, DialogFooter, ErrorBanner, fieldErrorOf, TextField } from '@dbulk/ui';
import { useTRPC, type RouterOutputs } from '../../../lib/trpc';

type List = RouterOutputs['lists']['list'][number];

export function RenameListDialog({ list, onClose }: { list: List | null; onClose: () => void }) {
  return (
    <Dialog
      open={list !== null}
      onClose={onClose}
      title={`Rename ${list?.name ?? ''}`}
      testId="rename-list-dialog"
    >
      {list && <RenameForm list={list} onDone={onClose} />}
    </Dialog>
  );
}

function RenameForm({ list, onDone }: { list: List; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState(list.name);
  const rename = useMutation(
    trpc.lists.rename.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.lists.pathFilter());
        onDone();
      },
    }),
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    rename.mutate({ listId: list.id, name });
  };
  return (
    <form onSubmit={onSubmit} noValidate className="ui-stack">
      {rename.error && !fieldErrorOf(rename.error, 'name') && <ErrorBanner error={rename.error} />}
      <TextField
        label="Name"
        autoFocus
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={fieldErrorOf(rename.error, 'name')}
        data-testid="rename-list-name"
      />
      <DialogFooter>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" loading={rename.isPending} data-testid="rename-list-submit">
          Rename
        </Button>
      </DialogFooter>
    </form>
  );
}
