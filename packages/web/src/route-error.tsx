/**
 * The router's default error component: resets Query's error boundary on mount (so "Try again"
 * refetches instead of re-throwing the cached error) and re-runs the loaders on retry.
 * @see https://tanstack.com/router/latest/docs/framework/react/guide/external-data-loading#error-handling-with-tanstack-query
 */
import { useQueryErrorResetBoundary } from '@tanstack/react-query';
import { useRouter, type ErrorComponentProps } from '@tanstack/react-router';
import { useEffect } from 'react';
import { RouteErrorPanel } from '@dbulk/ui';

export function RouteError({ error }: ErrorComponentProps) {
  const router = useRouter();
  const { reset } = useQueryErrorResetBoundary();

  useEffect(() => {
    reset();
  }, [reset]);

  return <RouteErrorPanel error={error} onRetry={() => void router.invalidate()} />;
}
