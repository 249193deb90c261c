import { useState, type FormEvent } from 'react';
import { fieldErrorOf } from '../lib/errors';
import { Button } from './button';
import { ErrorBanner } from './error-banner';
import { TextField } from './text-field';

export interface SignInCredentials {
  email: string;
  password: string;
}

/**
 * The sign-in mutation this form drives. Taken as a prop, not built here, because each app
 * signs in through its own tRPC router; a TanStack `useMutation` result fits as is.
 */
export interface SignInMutation {
  mutate(credentials: SignInCredentials): void;
  /** Field errors (zod's, flattened by the api) show beside their field; the rest above the form. */
  error: unknown;
  isPending: boolean;
}

export function SignInForm({ mutation }: { mutation: SignInMutation }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate({ email: email.trim(), password });
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="sign-in-form">
      <ErrorBanner error={mutation.error} />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        autoFocus
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={fieldErrorOf(mutation.error, 'email')}
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
        error={fieldErrorOf(mutation.error, 'password')}
        data-testid="sign-in-password"
      />
      <Button type="submit" variant="primary" size="lg" loading={mutation.isPending} data-testid="sign-in-submit">
        Sign in
      </Button>
    </form>
  );
}
