import { useQueryErrorResetBoundary } from '@tanstack/react-query';
import { useRouter, type ErrorComponentProps } from '@tanstack/react-router';
import { useEffect } from 'react';
import { Card, ErrorBanner, isSessionError, LoadingState } from '@dbulk/ui';

/** Shown when a loader or component throws; an expired session is redirected by the QueryCache instead. */
export function RouteError({ error }: ErrorComponentProps) {
  const router = useRouter();
  const { reset } = useQueryErrorResetBoundary();

  useEffect(() => {
    reset();
  }, [reset]);

  if (isSessionError(error)) return <LoadingState label="Your session ended. Redirecting to sign in…" />;
  return (
    <Card title="This page could not load">
      <ErrorBanner error={error} onRetry={() => void router.invalidate()} />
    </Card>
  );
}
