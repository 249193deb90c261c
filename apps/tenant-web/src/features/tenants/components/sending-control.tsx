import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, ReasonDialog, StatusBadge } from '@dbulk/ui';
import { useTRPC } from '../../../lib/trpc';

/**
 * The owner's brake: stops every campaign of the tenant within a second (senders drop what they
 * consumed back to pending). A stop pulled by a platform admin can only be lifted by an admin;
 * the api says so and the error shows here.
 */
export function SendingControl({ sendingEnabled, isOwner }: { sendingEnabled: boolean; isOwner: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const setSending = useMutation(
    trpc.tenants.setSending.mutationOptions({
      onSuccess: async () => {
        setOpen(false);
        await queryClient.invalidateQueries({ queryKey: trpc.tenants.current.queryKey() });
      },
    }),
  );
  const next = !sendingEnabled;
  return (
    <Card
      title="Sending"
      description="Stop every campaign of this workspace at once; nothing is lost, paused messages wait until sending resumes."
      actions={
        isOwner ? (
          <Button
            variant={sendingEnabled ? 'danger' : 'primary'}
            onClick={() => setOpen(true)}
            data-testid="tenant-sending-toggle"
          >
            {sendingEnabled ? 'Stop all sending' : 'Resume sending'}
          </Button>
        ) : undefined
      }
    >
      <StatusBadge
        status={sendingEnabled ? 'enabled' : 'disabled'}
        label={sendingEnabled ? 'Sending' : 'Stopped'}
        testId="tenant-sending-state"
      />
      <ReasonDialog
        open={open}
        onClose={() => setOpen(false)}
        title={next ? 'Resume sending?' : 'Stop all sending?'}
        description={
          next
            ? 'Running campaigns continue where they stopped.'
            : 'Senders stop within a second. Campaigns keep their place and continue when you resume.'
        }
        confirmLabel={next ? 'Resume sending' : 'Stop sending'}
        tone={next ? 'default' : 'danger'}
        pending={setSending.isPending}
        error={setSending.error}
        onConfirm={(reason) => setSending.mutate({ enabled: next, reason })}
        testId="tenant-sending-dialog"
      />
    </Card>
  );
}
