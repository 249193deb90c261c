import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button, Dialog, DialogFooter, ErrorBanner, fieldErrorOf, TextField } from '@dbulk/ui';
import { useSessionTransitions } from '../../../lib/session';
import { useTRPC } from '../../../lib/trpc';

export function CreateTenantForm({ onCancel }: { onCancel?: () => void }) {
  const trpc = useTRPC();
  const session = useSessionTransitions();
  const [name, setName] = useState('');
  const create = useMutation(
    trpc.tenants.create.mutationOptions({
      onSuccess: async () => {
        onCancel?.();
        await session.tenantChanged({ goHome: true });
      },
    }),
  );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name: name.trim() });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="ui-stack">
      {create.error && <ErrorBanner error={create.error} />}
      <TextField
        label="Tenant name"
        autoFocus
        required
        value={name}
        onChange={(e) => setName(e.target.value)}
        hint="Usually the company or brand that sends the messages."
        error={fieldErrorOf(create.error, 'name')}
        data-testid="create-tenant-name"
      />
      <DialogFooter>
        {onCancel && (
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        )}
        <Button type="submit" variant="primary" loading={create.isPending} data-testid="create-tenant-submit">
          Create tenant
        </Button>
      </DialogFooter>
    </form>
  );
}

export function CreateTenantDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Create a tenant"
      description="You become its owner and it becomes your current tenant."
      testId="create-tenant-dialog"
    >
      <CreateTenantForm onCancel={onClose} />
    </Dialog>
  );
}
