import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import {
  Button,
  DescriptionList,
  Dialog,
  DialogFooter,
  ErrorBanner,
  fieldErrorOf,
  formatDateTime,
  Icon,
  Notice,
  TextField,
} from '@dbulk/ui';
import { useTRPC } from '../../../lib/trpc';
import {
  limitOfTier,
  messagingLimitText,
  numberTitle,
  throughputText,
  tierLabel,
} from '../utils/account-facts';
import { QualityBadge } from './number-badges';

const EMPTY = { wabaId: '', phoneNumberId: '', accessToken: '' };
const FIELDS = Object.keys(EMPTY) as (keyof typeof EMPTY)[];

/**
 * Two steps: Validate asks Meta what these ids and token give (nothing stored), then Connect
 * stores the number. The token lives only in this form's state: a password field, never echoed,
 * never put in browser storage, and gone when the dialog closes (its content unmounts).
 */
function ConnectNumberForm({ onDone }: { onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [input, setInput] = useState(EMPTY);
  const validate = useMutation(trpc.whatsapp.validate.mutationOptions());
  const connect = useMutation(
    trpc.whatsapp.connect.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.whatsapp.list.queryFilter());
        onDone();
      },
    }),
  );
  const error = connect.error ?? validate.error;
  const facts = validate.data;

  const change = (field: keyof typeof EMPTY) => (value: string) => {
    setInput((current) => ({ ...current, [field]: value }));
    // What Meta said was about the old values.
    validate.reset();
    connect.reset();
  };
  const trimmed = () => ({
    wabaId: input.wabaId.trim(),
    phoneNumberId: input.phoneNumberId.trim(),
    accessToken: input.accessToken.trim(),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (facts) connect.mutate(trimmed());
    else validate.mutate(trimmed());
  };

  return (
    <form onSubmit={onSubmit} noValidate className="ui-stack" autoComplete="off">
      {error && !FIELDS.some((field) => fieldErrorOf(error, field)) && <ErrorBanner error={error} />}
      <TextField
        label="WhatsApp Business Account ID (WABA ID)"
        inputMode="numeric"
        required
        value={input.wabaId}
        onChange={(e) => change('wabaId')(e.target.value)}
        error={fieldErrorOf(error, 'wabaId')}
        data-testid="connect-waba-id"
      />
      <TextField
        label="Phone number ID"
        inputMode="numeric"
        required
        value={input.phoneNumberId}
        onChange={(e) => change('phoneNumberId')(e.target.value)}
        error={fieldErrorOf(error, 'phoneNumberId')}
        data-testid="connect-phone-number-id"
      />
      <TextField
        label="Access token"
        type="password"
        autoComplete="new-password"
        spellCheck={false}
        required
        value={input.accessToken}
        onChange={(e) => change('accessToken')(e.target.value)}
        hint="A system-user token with whatsapp_business_messaging and whatsapp_business_management. Stored encrypted; never shown again."
        error={fieldErrorOf(error, 'accessToken')}
        data-testid="connect-access-token"
      />
      {facts && (
        <Notice tone="success" testId="connect-facts">
          <strong>Meta confirms this number.</strong> Check it is the one you mean, then connect.
          <div style={{ marginTop: 8, color: 'var(--ui-text)' }}>
            <DescriptionList
              items={[
                { label: 'Number', value: numberTitle(facts) },
                { label: 'Verified name', value: facts.verifiedName ?? '—' },
                { label: 'Business account', value: facts.wabaName ?? facts.wabaId },
                { label: 'Quality', value: <QualityBadge rating={facts.qualityRating} /> },
                {
                  label: 'Messaging limit',
                  value: `${tierLabel(facts.messagingLimitTier) ?? '—'} · ${messagingLimitText(facts.messagingLimitTier, limitOfTier(facts.messagingLimitTier))}`,
                },
                { label: 'Throughput', value: throughputText(facts.throughputMps, facts.throughputLevel) },
                {
                  label: 'Token expires',
                  value: facts.tokenExpiresAt ? formatDateTime(facts.tokenExpiresAt) : 'Never',
                },
              ]}
            />
          </div>
        </Notice>
      )}
      <DialogFooter>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
        {facts ? (
          <Button
            type="submit"
            variant="primary"
            icon={<Icon name="check" />}
            loading={connect.isPending}
            data-testid="connect-submit"
          >
            Connect
          </Button>
        ) : (
          <Button type="submit" variant="primary" loading={validate.isPending} data-testid="connect-validate">
            Validate with Meta
          </Button>
        )}
      </DialogFooter>
    </form>
  );
}

export function ConnectNumberDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Connect a WhatsApp number"
      description="Copy the ids from WhatsApp Manager → Phone numbers, and a token from Business settings → System users."
      testId="connect-number-dialog"
    >
      <ConnectNumberForm onDone={onClose} />
    </Dialog>
  );
}
