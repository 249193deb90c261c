import { Button, Dialog, DialogFooter, ErrorBanner } from '@dbulk/ui';
import type { RouterOutputs } from '../../../lib/trpc';
import { numberTitle } from '../utils/account-facts';

type Account = RouterOutputs['whatsapp']['list'][number];

/** Confirms a disconnect; the token is destroyed, so coming back needs a fresh one. */
export function DisconnectNumberDialog({
  account,
  onClose,
  onConfirm,
  pending,
  error,
}: {
  account: Account | null;
  onClose: () => void;
  onConfirm: (account: Account) => void;
  pending: boolean;
  error: unknown;
}) {
  return (
    <Dialog
      open={account !== null}
      onClose={onClose}
      tone="danger"
      title="Disconnect this number?"
      description={
        account &&
        `${numberTitle(account)}${account.verifiedName ? ` (${account.verifiedName})` : ''} stops sending from dbulk at once.`
      }
      testId="disconnect-number-dialog"
    >
      <ul className="ui-muted" style={{ margin: 0, paddingLeft: 18 }}>
        <li>Its access token is deleted; reconnecting needs a new one.</li>
        <li>dbulk stops receiving its webhooks once no other number of this tenant uses the same WABA.</li>
        <li>Templates stay in WhatsApp Manager; the number itself is not changed at Meta.</li>
      </ul>
      {error != null && <ErrorBanner error={error} />}
      <DialogFooter>
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
        <Button
          variant="danger"
          loading={pending}
          onClick={() => account && onConfirm(account)}
          data-testid="confirm-disconnect"
        >
          Disconnect
        </Button>
      </DialogFooter>
    </Dialog>
  );
}
