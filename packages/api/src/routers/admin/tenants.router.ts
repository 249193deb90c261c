import { z } from 'zod';
import type { TRPCRouterRecord } from '@trpc/server';
import { listTenants, setTenantSending, setTenantStatus, tenantById } from '@dbulk/domain-tenancy';
import { adminProcedure } from '../../trpc';
import { Id, PageLimit, Reason } from '../schemas';

export const adminTenantsRouter = {
  list: adminProcedure
    .input(z.object({ search: z.string().max(120).optional(), cursor: z.string().max(100).optional(), limit: PageLimit }).default({ limit: 25 }))
    .query(({ ctx, input }) => listTenants(ctx.em, input)),
  byId: adminProcedure.input(z.object({ tenantId: Id })).query(({ ctx, input }) => tenantById(ctx.em, input.tenantId)),
  setStatus: adminProcedure
    .input(z.object({ tenantId: Id, status: z.enum(['active', 'suspended']), reason: Reason }))
    .mutation(({ ctx, input }) => setTenantStatus(ctx.em, ctx.actor, input.tenantId, input.status, input.reason)),
  setSendingEnabled: adminProcedure
    .input(z.object({ tenantId: Id, enabled: z.boolean(), reason: Reason }))
    .mutation(({ ctx, input }) => setTenantSending(ctx.em, ctx.actor, input.tenantId, input.enabled, input.reason)),
} satisfies TRPCRouterRecord;
