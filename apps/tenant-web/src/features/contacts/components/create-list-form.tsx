import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button, Card, ErrorBanner, fieldErrorOf, TextField } from '@dbulk/ui';
import { useTRPC } from '../../../lib/trpc';

export function CreateListForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const create = useMutation(
    trpc.lists.create.mutationOptions({
      onSuccess: async () => {
        setName('');
        await queryClient.invalidateQueries(trpc.lists.pathFilter());
      },
    }),
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name });
  };
  return (
    <Card title="New list" description="Lists group contacts for campaigns; a contact may be in several.">
      <form onSubmit={onSubmit} noValidate className="ui-row" style={{ alignItems: 'flex-end' }}>
        <TextField
          label="Name"
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={fieldErrorOf(create.error, 'name')}
          data-testid="list-name"
        />
        <Button type="submit" variant="primary" loading={create.isPending} data-testid="list-create">
          Create list
        </Button>
      </form>
      {create.error && !fieldErrorOf(create.error, 'name') && <ErrorBanner error={create.error} />}
    </Card>
  );
}
