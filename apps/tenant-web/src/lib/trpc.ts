/**
 * The tenant app's typed tRPC hooks and types. The client itself (links, same-origin /trpc via
 * Vite's proxy) is @dbulk/web's; only the root router and its path are the tenant app's.
 * @see https://trpc.io/docs/client/tanstack-react-query/setup
 */
import type { TenantRouter } from '@dbulk/api';
import type { TRPCClient } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { createTRPCContext, type TRPCOptionsProxy } from '@trpc/tanstack-react-query';

export const TRPC_URL = '/trpc/tenant';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<TenantRouter>();
export type TrpcClient = TRPCClient<TenantRouter>;

export type Trpc = TRPCOptionsProxy<TenantRouter>;
export type RouterInputs = inferRouterInputs<TenantRouter>;
export type RouterOutputs = inferRouterOutputs<TenantRouter>;
export type Me = NonNullable<RouterOutputs['auth']['me']>;
