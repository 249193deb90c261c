import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button, ErrorBanner, fieldErrorOf, TextField } from '@dbulk/ui';
import { useSessionTransitions } from '../../../lib/session';
import { useTRPC } from '../../../lib/trpc';

export const MIN_PASSWORD_LENGTH = 10;

export interface SignUpFormProps {
  /** Joining an invited tenant: no tenant name, email prefilled from the invitation. */
  invitation?: { token: string; email: string } | undefined;
}

export function SignUpForm({ invitation }: SignUpFormProps) {
  const trpc = useTRPC();
  const session = useSessionTransitions();
  const [name, setName] = useState('');
  const [email, setEmail] = useState(invitation?.email ?? '');
  const [password, setPassword] = useState('');
  const [tenantName, setTenantName] = useState('');
  const [missing, setMissing] = useState<Partial<Record<'name' | 'email' | 'password' | 'tenantName', string>>>({});
  const signUp = useMutation(
    trpc.auth.signUp.mutationOptions({
      meta: { sessionRedirect: false },
      onSuccess: () => session.signedIn('/'),
    }),
  );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const problems: typeof missing = {};
    if (!name.trim()) problems.name = 'Tell us your name.';
    if (!/^\S+@\S+\.\S+$/.test(email.trim())) problems.email = 'Enter a valid email address.';
    if (password.length < MIN_PASSWORD_LENGTH) problems.password = `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
    if (!invitation && !tenantName.trim()) problems.tenantName = 'Name your company or workspace.';
    setMissing(problems);
    if (Object.keys(problems).length > 0) return;
    signUp.mutate(
      invitation
        ? { name: name.trim(), email: email.trim(), password, invitationToken: invitation.token }
        : { name: name.trim(), email: email.trim(), password, tenantName: tenantName.trim() },
    );
  };

  const error = signUp.error;
  return (
    <form onSubmit={onSubmit} noValidate data-testid="sign-up-form">
      {error && <ErrorBanner error={error} />}
      <TextField
        label="Your name"
        name="name"
        autoComplete="name"
        required
        autoFocus
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={missing.name ?? fieldErrorOf(error, 'name')}
        data-testid="sign-up-name"
      />
      <TextField
        label="Work email"
        name="email"
        type="email"
        autoComplete="email"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={missing.email ?? fieldErrorOf(error, 'email')}
        hint={invitation ? 'Use the address the invitation was sent to.' : undefined}
        data-testid="sign-up-email"
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        error={missing.password ?? fieldErrorOf(error, 'password')}
        data-testid="sign-up-password"
      />
      {!invitation && (
        <TextField
          label="Company or workspace name"
          name="tenantName"
          autoComplete="organization"
          required
          value={tenantName}
          onChange={(e) => setTenantName(e.target.value)}
          hint="You can rename it or create more workspaces later."
          error={missing.tenantName ?? fieldErrorOf(error, 'tenantName')}
          data-testid="sign-up-tenant-name"
        />
      )}
      <Button type="submit" variant="primary" size="lg" loading={signUp.isPending} data-testid="sign-up-submit">
        {invitation ? 'Create account and join' : 'Create account'}
      </Button>
    </form>
  );
}
