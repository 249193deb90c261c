import { isSessionError } from '../lib/errors';
import { Card } from './card';
import { ErrorBanner } from './error-banner';
import { LoadingState } from './spinner';

export interface RouteErrorPanelProps {
  error: unknown;
  onRetry: () => void;
}

/**
 * What a page shows when its loader or component throws. An expired session is not shown as an
 * error: the app's QueryClient is already on its way to /sign-in.
 */
export function RouteErrorPanel({ error, onRetry }: RouteErrorPanelProps) {
  if (isSessionError(error)) return <LoadingState label="Your session ended. Redirecting to sign in…" />;
  return (
    <Card title="This page could not load">
      <ErrorBanner error={error} onRetry={onRetry} />
    </Card>
  );
}
