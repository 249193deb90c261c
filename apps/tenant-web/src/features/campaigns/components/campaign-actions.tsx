import { useState } from 'react';
import { Button, Dialog, DialogFooter, ErrorBanner, Icon, TextAreaField } from '@dbulk/ui';
import { useCampaignActions } from '../hooks/use-campaign-actions';
import type { CampaignDetail } from '../utils/campaign-status';

type Action = 'pause' | 'resume' | 'cancel';

const CONFIRM: Record<Action, { title: string; text: string; label: string }> = {
  pause: {
    title: 'Pause this campaign?',
    text: 'Senders stop within a second; messages not yet sent wait. Messages already sent keep updating.',
    label: 'Pause',
  },
  resume: {
    title: 'Resume this campaign?',
    text: 'Waiting messages are sent again, paced within your number’s rate and messaging limit.',
    label: 'Resume',
  },
  cancel: {
    title: 'Cancel this campaign?',
    text: 'Messages not yet sent are skipped for good. This cannot be undone.',
    label: 'Cancel campaign',
  },
};

/** Pause, resume and cancel, each after a confirmation (owners and admins only; the api checks too). */
export function CampaignActions({ campaign }: { campaign: CampaignDetail }) {
  const actions = useCampaignActions();
  const [open, setOpen] = useState<Action | null>(null);
  const [reason, setReason] = useState('');
  const running = campaign.status === 'RUNNING' || campaign.status === 'SCHEDULED';
  const mutation = open ? actions[open] : null;
  const close = () => {
    setOpen(null);
    setReason('');
    mutation?.reset();
  };
  const confirm = () => {
    if (!open) return;
    const input = { campaignId: campaign.id };
    const done = { onSuccess: close };
    if (open === 'pause')
      actions.pause.mutate({ ...input, ...(reason.trim() ? { reason: reason.trim() } : {}) }, done);
    else actions[open].mutate(input, done);
  };
  const copy = open ? CONFIRM[open] : null;

  return (
    <>
      {running && (
        <Button icon={<Icon name="clock" />} onClick={() => setOpen('pause')} data-testid="campaign-pause">
          Pause
        </Button>
      )}
      {campaign.status === 'PAUSED' && (
        <Button
          variant="primary"
          icon={<Icon name="send" />}
          onClick={() => setOpen('resume')}
          data-testid="campaign-resume"
        >
          Resume
        </Button>
      )}
      {(running || campaign.status === 'PAUSED') && (
        <Button
          variant="ghost"
          icon={<Icon name="x" />}
          onClick={() => setOpen('cancel')}
          data-testid="campaign-cancel"
        >
          Cancel
        </Button>
      )}
      <Dialog
        open={open !== null}
        onClose={close}
        title={copy?.title ?? ''}
        description={copy?.text}
        tone={open === 'cancel' ? 'danger' : 'default'}
        testId="campaign-action-dialog"
      >
        <div className="ui-stack">
          {mutation?.error != null && <ErrorBanner error={mutation.error} />}
          {open === 'pause' && (
            <TextAreaField
              label="Reason (optional)"
              maxLength={500}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              hint="Shown on the campaign and recorded in the audit log."
              data-testid="campaign-pause-reason"
            />
          )}
          <DialogFooter>
            <Button variant="ghost" onClick={close}>
              Back
            </Button>
            <Button
              variant={open === 'cancel' ? 'danger' : 'primary'}
              loading={mutation?.isPending ?? false}
              onClick={confirm}
              data-testid="campaign-action-confirm"
            >
              {copy?.label}
            </Button>
          </DialogFooter>
        </div>
      </Dialog>
    </>
  );
}
