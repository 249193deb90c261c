import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { Button, Dialog, DialogFooter, ErrorBanner, Icon } from '@dbulk/ui';
import { useTRPC } from '../../../lib/trpc';

/** Deletes a draft after a confirmation, then goes back to the campaign list. */
export function DiscardDraftButton({ campaignId, name }: { campaignId: string; name: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const discard = useMutation(
    trpc.campaigns.discard.mutationOptions({
      onSuccess: async () => {
        setOpen(false);
        await navigate({ to: '/campaigns' });
        // After leaving: refetching the deleted campaign's page would only answer NOT_FOUND.
        await queryClient.invalidateQueries(trpc.campaigns.list.pathFilter());
      },
    }),
  );
  const close = () => {
    setOpen(false);
    discard.reset();
  };
  return (
    <>
      <Button
        variant="ghost"
        icon={<Icon name="x" />}
        onClick={() => setOpen(true)}
        data-testid="campaign-discard"
      >
        Discard draft
      </Button>
      <Dialog
        open={open}
        onClose={close}
        title="Discard this draft?"
        description={`“${name}” is deleted with its audience and variable choices. Nothing was sent.`}
        tone="danger"
        testId="campaign-discard-dialog"
      >
        {discard.error != null && <ErrorBanner error={discard.error} />}
        <DialogFooter>
          <Button variant="ghost" onClick={close}>
            Back
          </Button>
          <Button
            variant="danger"
            loading={discard.isPending}
            onClick={() => discard.mutate({ campaignId })}
            data-testid="campaign-discard-confirm"
          >
            Discard draft
          </Button>
        </DialogFooter>
      </Dialog>
    </>
  );
}
