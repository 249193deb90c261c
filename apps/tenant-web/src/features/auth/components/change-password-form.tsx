import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { appCodeOf, Button, Card, ErrorBanner, fieldErrorOf, Notice, TextField } from '@dbulk/ui';
import { useTRPC } from '../../../lib/trpc';

const MIN_LENGTH = 10;

export function ChangePasswordForm() {
  const trpc = useTRPC();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [localError, setLocalError] = useState<{ field: 'newPassword' | 'confirm'; message: string } | null>(null);
  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      meta: { sessionRedirect: false },
      onSuccess: () => {
        setCurrentPassword('');
        setNewPassword('');
        setConfirm('');
      },
    }),
  );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (newPassword.length < MIN_LENGTH) {
      setLocalError({ field: 'newPassword', message: `Use at least ${MIN_LENGTH} characters.` });
      return;
    }
    if (newPassword !== confirm) {
      setLocalError({ field: 'confirm', message: 'The two new passwords differ.' });
      return;
    }
    setLocalError(null);
    change.mutate({ currentPassword, newPassword });
  };

  const wrongCurrent = appCodeOf(change.error) === 'INVALID_CREDENTIALS';
  const fieldError = (field: 'currentPassword' | 'newPassword' | 'confirm') => {
    if (localError?.field === field) return localError.message;
    if (field === 'currentPassword' && wrongCurrent) return 'Your current password is not correct.';
    return fieldErrorOf(change.error, field);
  };

  return (
    <Card title="Password" description="Changing it signs you out everywhere else.">
      <form onSubmit={onSubmit} noValidate className="ui-stack" style={{ maxWidth: 420 }}>
        {change.isSuccess && (
          <Notice testId="password-changed">Password changed. Other sessions were signed out.</Notice>
        )}
        {change.error && !wrongCurrent && <ErrorBanner error={change.error} />}
        <TextField
          label="Current password"
          type="password"
          autoComplete="current-password"
          value={currentPassword}
          onChange={(e) => setCurrentPassword(e.target.value)}
          error={fieldError('currentPassword')}
          data-testid="current-password"
        />
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          value={newPassword}
          onChange={(e) => setNewPassword(e.target.value)}
          hint={`At least ${MIN_LENGTH} characters.`}
          error={fieldError('newPassword')}
          data-testid="new-password"
        />
        <TextField
          label="Repeat new password"
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          error={fieldError('confirm')}
          data-testid="confirm-password"
        />
        <div>
          <Button type="submit" variant="primary" loading={change.isPending} data-testid="change-password-submit">
            Change password
          </Button>
        </div>
      </form>
    </Card>
  );
}
