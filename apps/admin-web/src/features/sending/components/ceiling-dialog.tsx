import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Dialog, DialogFooter, ErrorBanner, TextField } from '@dbulk/ui';
import { useTRPC, type RouterOutputs } from '../../../lib/trpc';

type NumberRate = RouterOutputs['sending']['rates'][number];

/** Sets or lifts a number's ceiling; the form is the confirmation (the change applies within a second). */
export function CeilingDialog({ row, onClose }: { row: NumberRate | null; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [value, setValue] = useState('');
  const setCeiling = useMutation(
    trpc.sending.setCeiling.mutationOptions({
      onSuccess: async () => {
        close();
        await queryClient.invalidateQueries(trpc.sending.rates.queryFilter());
      },
    }),
  );
  const close = () => {
    setValue('');
    setCeiling.reset();
    onClose();
  };
  if (!row) return null;
  const parsed = Number(value);
  const valid = value.trim() !== '' && Number.isFinite(parsed) && parsed > 0 && parsed <= 1_000;
  const number = row.displayPhoneNumber ?? row.phoneNumberId;
  return (
    <Dialog
      open
      onClose={close}
      title={`Rate ceiling for ${number}`}
      description={`${row.tenantName} · Meta allows ${row.throughputMps} msg/s · now ${row.rate.toFixed(1)} msg/s${row.ceiling === null ? '' : ` · ceiling ${row.ceiling} msg/s`}. Senders apply a change within a second.`}
      testId="ceiling-dialog"
    >
      <TextField
        label="Ceiling (messages per second)"
        type="number"
        min={1}
        max={1000}
        step="any"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        placeholder={String(row.ceiling ?? row.throughputMps)}
        hint="The adaptive limiter never goes above it; 1–1,000."
        data-testid="ceiling-input"
      />
      {setCeiling.error && <ErrorBanner error={setCeiling.error} />}
      <DialogFooter>
        {row.ceiling !== null && (
          <Button variant="ghost" loading={setCeiling.isPending} onClick={() => setCeiling.mutate({ phoneNumberId: row.phoneNumberId, ceiling: null })} data-testid="ceiling-lift">
            Lift ceiling
          </Button>
        )}
        <Button variant="secondary" onClick={close}>
          Cancel
        </Button>
        <Button
          variant="primary"
          disabled={!valid}
          loading={setCeiling.isPending}
          onClick={() => setCeiling.mutate({ phoneNumberId: row.phoneNumberId, ceiling: parsed })}
          data-testid="ceiling-confirm"
        >
          {valid ? `Limit to ${parsed} msg/s` : 'Set ceiling'}
        </Button>
      </DialogFooter>
    </Dialog>
  );
}
