import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button, ErrorBanner, fieldErrorOf, TextField } from '@dbulk/ui';
import { useSessionTransitions } from '../../../lib/session';
import { useTRPC } from '../../../lib/trpc';

export function SignInForm({ redirect }: { redirect?: string | undefined }) {
  const trpc = useTRPC();
  const session = useSessionTransitions();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useMutation(
    trpc.auth.signIn.mutationOptions({
      meta: { sessionRedirect: false },
      onSuccess: () => session.signedIn(redirect),
    }),
  );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ email: email.trim(), password });
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="sign-in-form">
      {signIn.error && <ErrorBanner error={signIn.error} />}
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        autoFocus
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={fieldErrorOf(signIn.error, 'email')}
        data-testid="sign-in-email"
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={fieldErrorOf(signIn.error, 'password')}
        data-testid="sign-in-password"
      />
      <Button type="submit" variant="primary" size="lg" loading={signIn.isPending} data-testid="sign-in-submit">
        Sign in
      </Button>
    </form>
  );
}
