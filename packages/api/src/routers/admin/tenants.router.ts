import { z } from 'zod';
import type { TRPCRouterRecord } from '@trpc/server';
import { listTenants, setTenantSending, setTenantStatus, tenantById } from '@dbulk/domain-tenancy';
import { adminProcedure } from '../../trpc';
import { Id, PageLimit, Reason } from '../schemas';
import { publishControl } from '../shared/control';

export const adminTenantsRouter = {
  list: adminProcedure
    .input(z.object({ search: z.string().max(120).optional(), cursor: z.string().max(100).optional(), limit: PageLimit }).default({ limit: 25 }))
    .query(({ ctx, input }) => listTenants(ctx.em, input)),
  byId: adminProcedure.input(z.object({ tenantId: Id })).query(({ ctx, input }) => tenantById(ctx.em, input.tenantId)),
  setStatus: adminProcedure
    .input(z.object({ tenantId: Id, status: z.enum(['active', 'suspended']), reason: Reason }))
    .mutation(async ({ ctx, input }) => {
      const tenant = await setTenantStatus(ctx.em, ctx.actor, input.tenantId, input.status, input.reason);
      // A suspended tenant sends nothing: senders stop at once ("enabled" re-reads the database).
      await publishControl(ctx, { type: 'tenant_sending', tenantId: input.tenantId, enabled: input.status === 'active' });
      return tenant;
    }),
  setSendingEnabled: adminProcedure
    .input(z.object({ tenantId: Id, enabled: z.boolean(), reason: Reason }))
    .mutation(async ({ ctx, input }) => {
      const tenant = await setTenantSending(ctx.em, ctx.actor, input.tenantId, input.enabled, input.reason);
      await publishControl(ctx, { type: 'tenant_sending', tenantId: input.tenantId, enabled: input.enabled });
      return tenant;
    }),
} satisfies TRPCRouterRecord;
