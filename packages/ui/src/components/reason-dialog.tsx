import { useState, type FormEvent, type ReactNode } from 'react';
import { fieldErrorOf } from '../lib/errors';
import { Button } from './button';
import { Dialog, DialogFooter } from './dialog';
import { ErrorBanner } from './error-banner';
import { TextAreaField } from './text-field';

export interface ReasonDialogProps {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  confirmLabel: string;
  tone?: 'default' | 'danger';
  /** Called with the trimmed reason; the dialog stays open until the caller closes it. */
  onConfirm: (reason: string) => void;
  pending?: boolean;
  error?: unknown;
  /** Ask for an explicit "I understand" tick before the button works (kill switch). */
  acknowledgement?: ReactNode;
  testId?: string;
}

export interface AuditReasonFieldProps {
  value: string;
  onChange: (reason: string) => void;
  error?: string;
  autoFocus?: boolean;
  testId?: string;
}

/** The reason an audited action asks for: required, at most 500 characters, said to be logged. */
export function AuditReasonField({ value, onChange, error, autoFocus, testId = 'reason-input' }: AuditReasonFieldProps) {
  return (
    <TextAreaField
      label="Reason"
      autoFocus={autoFocus}
      required
      maxLength={500}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      hint="Recorded in the audit log with your name."
      error={error}
      data-testid={testId}
    />
  );
}

/** Every admin action that changes what tenants may do asks why; the reason lands in the audit log. */
export function ReasonDialog({
  open,
  onClose,
  title,
  description,
  confirmLabel,
  tone = 'default',
  onConfirm,
  pending = false,
  error,
  acknowledgement,
  testId,
}: ReasonDialogProps) {
  return (
    <Dialog open={open} onClose={onClose} title={title} description={description} tone={tone} testId={testId}>
      <ReasonForm
        confirmLabel={confirmLabel}
        tone={tone}
        onCancel={onClose}
        onConfirm={onConfirm}
        pending={pending}
        error={error}
        acknowledgement={acknowledgement}
      />
    </Dialog>
  );
}

function ReasonForm({
  confirmLabel,
  tone,
  onCancel,
  onConfirm,
  pending,
  error,
  acknowledgement,
}: Pick<ReasonDialogProps, 'confirmLabel' | 'tone' | 'onConfirm' | 'pending' | 'error' | 'acknowledgement'> & {
  onCancel: () => void;
}) {
  const [reason, setReason] = useState('');
  const [acknowledged, setAcknowledged] = useState(false);
  const [touched, setTouched] = useState(false);
  const missing = reason.trim().length === 0;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (missing || (acknowledgement && !acknowledged)) return;
    onConfirm(reason.trim());
  };

  return (
    <form onSubmit={onSubmit} noValidate className="ui-stack">
      {error != null && <ErrorBanner error={error} />}
      <AuditReasonField
        autoFocus
        value={reason}
        onChange={setReason}
        error={touched && missing ? 'A reason is required.' : fieldErrorOf(error, 'reason')}
      />
      {acknowledgement && (
        <label className="ui-check">
          <input
            type="checkbox"
            checked={acknowledged}
            onChange={(e) => setAcknowledged(e.target.checked)}
            data-testid="reason-acknowledge"
          />
          <span>{acknowledgement}</span>
        </label>
      )}
      <DialogFooter>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button
          type="submit"
          variant={tone === 'danger' ? 'danger' : 'primary'}
          loading={pending}
          disabled={Boolean(acknowledgement) && !acknowledged}
          data-testid="reason-confirm"
        >
          {confirmLabel}
        </Button>
      </DialogFooter>
    </form>
  );
}
