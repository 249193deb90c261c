import { z } from 'zod';
import type { TRPCRouterRecord } from '@trpc/server';
import { setSessionTenant } from '@dbulk/auth';
import { createTenant, requireTenantAccess, toTenantDto } from '@dbulk/domain-tenancy';
import { authedProcedure, tenantProcedure } from '../../trpc';
import { Id, Reason } from '../schemas';
import { setOwnTenantSending } from '@dbulk/domain-sending';
import { publishControl } from '../shared/control';

export const tenantsRouter = {
  current: tenantProcedure('viewer').query(({ ctx }) => ({ ...toTenantDto(ctx.tenant), role: ctx.role })),
  /** Membership is checked before the session remembers the choice. */
  switch: authedProcedure.input(z.object({ tenantId: Id })).mutation(async ({ ctx, input }) => {
    await requireTenantAccess(ctx.em, ctx.user.id, input.tenantId, 'viewer');
    await setSessionTenant(ctx.em, ctx.session.id, input.tenantId);
    return { tenantId: input.tenantId };
  }),
  create: authedProcedure
    .input(z.object({ name: z.string().trim().min(1, 'name is required').max(120) }))
    .mutation(async ({ ctx, input }) => {
      const tenant = await createTenant(ctx.em, ctx.actor, input.name);
      await setSessionTenant(ctx.em, ctx.session.id, tenant.id);
      return { tenantId: tenant.id };
    }),
  /** The owner's brake on the tenant's sending; senders stop within a second. */
  setSending: tenantProcedure('owner')
    .input(z.object({ enabled: z.boolean(), reason: Reason }))
    .mutation(async ({ ctx, input }) => {
      const tenant = await setOwnTenantSending(ctx.em, ctx.actor, input.enabled, input.reason);
      await publishControl(ctx, { type: 'tenant_sending', tenantId: ctx.actor.tenantId, enabled: input.enabled });
      return tenant;
    }),
} satisfies TRPCRouterRecord;
