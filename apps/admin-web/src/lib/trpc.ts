/**
 * The admin app's typed tRPC hooks and types. The client itself (links, same-origin /trpc via
 * Vite's proxy) is @dbulk/web's; only the root router and its path are the admin's.
 * @see https://trpc.io/docs/client/tanstack-react-query/setup
 */
import type { AdminRouter } from '@dbulk/api';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { createTRPCContext, type TRPCOptionsProxy } from '@trpc/tanstack-react-query';

export const TRPC_URL = '/trpc/admin';

export const { TRPCProvider, useTRPC } = createTRPCContext<AdminRouter>();

export type Trpc = TRPCOptionsProxy<AdminRouter>;
export type RouterInputs = inferRouterInputs<AdminRouter>;
export type RouterOutputs = inferRouterOutputs<AdminRouter>;
export type Me = NonNullable<RouterOutputs['auth']['me']>;
