import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  AuditReasonField,
  Button,
  Dialog,
  DialogFooter,
  ErrorBanner,
  fieldErrorOf,
  SegmentedControl,
  TextField,
} from '@dbulk/ui';
import { useTRPC, type RouterOutputs } from '../../../lib/trpc';
import { formatMoney, parseAmount } from '../utils/money';

type TenantMargin = RouterOutputs['billing']['margins']['tenants'][number];
export type CreditAction = { kind: 'limit' | 'adjust'; tenant: TenantMargin };

/**
 * Sets a tenant's credit limit, or credits / debits its balance. Both ask for a reason (it lands
 * in the audit log) and say what will happen before the button works.
 */
export function CreditDialog({ action, onClose }: { action: CreditAction | null; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [amount, setAmount] = useState('');
  const [direction, setDirection] = useState<'credit' | 'debit'>('credit');
  const [reason, setReason] = useState('');
  const close = () => {
    setAmount('');
    setReason('');
    setDirection('credit');
    limit.reset();
    adjust.reset();
    onClose();
  };
  const done = {
    onSuccess: async () => {
      close();
      await queryClient.invalidateQueries(trpc.billing.pathFilter());
    },
  };
  const limit = useMutation(trpc.billing.setCreditLimit.mutationOptions(done));
  const adjust = useMutation(trpc.billing.adjust.mutationOptions(done));
  if (!action) return null;
  const { tenant } = action;
  const value = parseAmount(amount);
  const error = limit.error ?? adjust.error;
  const valid = value !== null && (action.kind === 'limit' || value > 0) && reason.trim().length > 0;
  const signed = direction === 'credit' ? (value ?? 0) : -(value ?? 0);
  const confirm =
    action.kind === 'limit'
      ? value === null
        ? 'Set credit limit'
        : `Set limit to ${formatMoney(value)}`
      : value === null || value === 0
        ? direction === 'credit'
          ? 'Credit'
          : 'Debit'
        : `${direction === 'credit' ? 'Credit' : 'Debit'} ${formatMoney(value)}`;
  const submit = () => {
    if (!valid || value === null) return;
    if (action.kind === 'limit')
      limit.mutate({ tenantId: tenant.tenantId, creditLimit: value, reason: reason.trim() });
    else adjust.mutate({ tenantId: tenant.tenantId, amount: signed, reason: reason.trim() });
  };
  return (
    <Dialog
      open
      onClose={close}
      title={
        action.kind === 'limit'
          ? `Credit limit of ${tenant.tenantName}`
          : `Adjust the balance of ${tenant.tenantName}`
      }
      description={`Balance ${formatMoney(tenant.balance)} · ${tenant.creditLimit === null ? 'no credit limit (campaigns are not checked against credit)' : `credit limit ${formatMoney(tenant.creditLimit)}`}.`}
      testId="credit-dialog"
    >
      <div className="ui-stack">
        {error && <ErrorBanner error={error} />}
        {action.kind === 'adjust' && (
          <SegmentedControl
            label="Direction"
            options={[
              { value: 'credit', label: 'Credit (add)' },
              { value: 'debit', label: 'Debit (take)' },
            ]}
            value={direction}
            onChange={setDirection}
            testId="adjust-direction"
          />
        )}
        <TextField
          label={action.kind === 'limit' ? 'Credit limit (USD)' : 'Amount (USD)'}
          inputMode="decimal"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          placeholder={action.kind === 'limit' ? String(tenant.creditLimit ?? '100.00') : '25.00'}
          error={
            amount && value === null
              ? 'An amount in USD with at most 6 decimals.'
              : fieldErrorOf(error, action.kind === 'limit' ? 'creditLimit' : 'amount')
          }
          data-testid="credit-amount"
        />
        <AuditReasonField value={reason} onChange={setReason} error={fieldErrorOf(error, 'reason')} testId="reason-input" />
        {action.kind === 'adjust' && value !== null && value > 0 && (
          <p className="ui-small ui-muted" data-testid="adjust-preview">
            The balance becomes {formatMoney(tenant.balance + signed)}.
          </p>
        )}
      </div>
      <DialogFooter>
        {action.kind === 'limit' && tenant.creditLimit !== null && (
          <Button
            variant="ghost"
            disabled={!reason.trim()}
            loading={limit.isPending}
            onClick={() =>
              limit.mutate({ tenantId: tenant.tenantId, creditLimit: null, reason: reason.trim() })
            }
            data-testid="credit-remove-limit"
          >
            Remove limit
          </Button>
        )}
        <Button variant="ghost" onClick={close}>
          Cancel
        </Button>
        <Button
          variant={direction === 'debit' && action.kind === 'adjust' ? 'danger' : 'primary'}
          disabled={!valid}
          loading={limit.isPending || adjust.isPending}
          onClick={submit}
          data-testid="credit-confirm"
        >
          {confirm}
        </Button>
      </DialogFooter>
    </Dialog>
  );
}
