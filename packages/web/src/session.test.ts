import { QueryClient } from '@tanstack/react-query';
import type { AnyRouter } from '@tanstack/react-router';
import { describe, expect, it, vi } from 'vitest';
import { redirectToSignIn } from './session';

const ME_KEY = [['auth', 'me'], { type: 'query' }];

function setup(pathname: string) {
  const queryClient = new QueryClient();
  queryClient.setQueryData(ME_KEY, { user: { email: 'ada@example.test' } });
  const navigate = vi.fn(async () => {});
  const router = { state: { location: { pathname, href: `${pathname}?tab=2` } }, navigate } as unknown as AnyRouter;
  return { queryClient, router, navigate };
}

describe('redirectToSignIn', () => {
  it('marks the user signed out and goes to /sign-in with the way back', () => {
    const { queryClient, router, navigate } = setup('/templates');
    redirectToSignIn(router, queryClient);
    expect(queryClient.getQueryData(ME_KEY)).toBeNull();
    expect(navigate).toHaveBeenCalledWith({ to: '/sign-in', search: { redirect: '/templates?tab=2' }, replace: true });
  });

  it('leaves /sign-in alone, where not being signed in is expected', () => {
    const { queryClient, router, navigate } = setup('/sign-in');
    redirectToSignIn(router, queryClient);
    expect(queryClient.getQueryData(ME_KEY)).not.toBeNull();
    expect(navigate).not.toHaveBeenCalled();
  });
});
