import { z } from 'zod';
import type { TRPCRouterRecord } from '@trpc/server';
import { changeRole, inviteMember, listInvitations, listMembers, removeMember, revokeInvitation } from '@dbulk/domain-tenancy';
import { tenantProcedure } from '../../trpc';
import { Email, Id, Role } from '../schemas';

export const membersRouter = {
  list: tenantProcedure('viewer').query(({ ctx }) => listMembers(ctx.em, ctx.tenant.id)),
  invite: tenantProcedure('admin')
    .input(z.object({ email: Email, role: z.enum(['admin', 'member', 'viewer']) }))
    .mutation(({ ctx, input }) => inviteMember(ctx.em, ctx.actor, input)),
  invitations: tenantProcedure('admin').query(({ ctx }) => listInvitations(ctx.em, ctx.tenant.id)),
  revokeInvitation: tenantProcedure('admin')
    .input(z.object({ invitationId: Id }))
    .mutation(async ({ ctx, input }) => {
      await revokeInvitation(ctx.em, ctx.actor, input.invitationId);
      return { ok: true as const };
    }),
  changeRole: tenantProcedure('admin')
    .input(z.object({ userId: Id, role: Role }))
    .mutation(({ ctx, input }) => changeRole(ctx.em, ctx.actor, input.userId, input.role)),
  remove: tenantProcedure('admin')
    .input(z.object({ userId: Id }))
    .mutation(async ({ ctx, input }) => {
      await removeMember(ctx.em, ctx.actor, input.userId);
      return { ok: true as const };
    }),
} satisfies TRPCRouterRecord;
