import { z } from 'zod';
import type { TRPCRouterRecord } from '@trpc/server';
import { setSessionTenant } from '@dbulk/auth';
import { acceptInvitation, invitationByToken } from '@dbulk/domain-tenancy';
import { authedProcedure, publicProcedure } from '../../trpc';

const Token = z.string().min(10).max(100);

export const invitationsRouter = {
  byToken: publicProcedure.input(z.object({ token: Token })).query(({ ctx, input }) => invitationByToken(ctx.em, input.token)),
  accept: authedProcedure.input(z.object({ token: Token })).mutation(async ({ ctx, input }) => {
    const tenantId = await acceptInvitation(ctx.em, ctx.actor, input.token);
    await setSessionTenant(ctx.em, ctx.session.id, tenantId);
    return { tenantId };
  }),
} satisfies TRPCRouterRecord;
