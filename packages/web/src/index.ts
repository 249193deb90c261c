// Public surface of @dbulk/web: the browser-side plumbing both web apps share. What they show is @dbulk/ui's.
export { useSignIn, useSignOut, type MutationProcedure } from './auth-mutations';
export { mountApp } from './mount-app';
export { createQueryClient, isAuthMeQuery, shouldRetry } from './query-client';
export { RouteError } from './route-error';
export { createRouterSetup, type RouterSetupOptions } from './router-setup';
export { redirectToSignIn, useSessionTransitions } from './session';
export { createTrpcClient } from './trpc-client';
