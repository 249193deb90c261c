import { z } from 'zod';
import type { TRPCRouterRecord } from '@trpc/server';
import { createSession, invalidateSession } from '@dbulk/auth';
import {
  changePassword,
  defaultTenantId,
  listMemberships,
  signIn,
  signUp,
  toUserDto,
} from '@dbulk/domain-tenancy';
import { authedProcedure, publicProcedure } from '../../trpc';
import { Email, Password } from '../schemas';

export const SignUpInput = z.object({
  email: Email,
  password: Password,
  name: z.string().trim().min(1, 'name is required').max(120),
  tenantName: z.string().trim().min(1).max(120).optional(),
  invitationToken: z.string().min(10).max(100).optional(),
});

export const SignInInput = z.object({ email: Email, password: z.string().min(1, 'password is required').max(256) });

export const ChangePasswordInput = z.object({ currentPassword: z.string().min(1).max(256), newPassword: Password });

const me = publicProcedure.query(async ({ ctx }) => {
  if (!ctx.user || !ctx.session) return null;
  const memberships = await listMemberships(ctx.em, ctx.user.id);
  const selected = ctx.session.currentTenant?.id ?? null;
  return {
    user: toUserDto(ctx.user),
    memberships,
    currentTenantId: memberships.some((m) => m.tenantId === selected) ? selected : null,
  };
});

const signInProcedure = publicProcedure.input(SignInInput).mutation(async ({ ctx, input }) => {
  const user = await signIn(ctx.em, input.email, input.password, ctx.req.ip);
  const issued = await createSession(ctx.em, user.id, { ip: ctx.req.ip, userAgent: ctx.req.userAgent, tenantId: await defaultTenantId(ctx.em, user.id) });
  ctx.req.cookies.setSession(issued.token, issued.expiresAt);
  return { userId: user.id };
});

const signOut = publicProcedure.mutation(async ({ ctx }) => {
  if (ctx.session) await invalidateSession(ctx.em, ctx.session.id);
  ctx.req.cookies.clearSession();
  return { ok: true as const };
});

/** The admin app's auth: no sign-up (platform admins are made by `dbulk create-admin`). */
export const adminAuthRouter = { me, signIn: signInProcedure, signOut } satisfies TRPCRouterRecord;

export const authRouter = {
  me,
  signIn: signInProcedure,
  signOut,
  signUp: publicProcedure.input(SignUpInput).mutation(async ({ ctx, input }) => {
    const { user, tenantId } = await signUp(ctx.em, input, ctx.req.ip);
    const issued = await createSession(ctx.em, user.id, { ip: ctx.req.ip, userAgent: ctx.req.userAgent, tenantId });
    ctx.req.cookies.setSession(issued.token, issued.expiresAt);
    return { userId: user.id, tenantId };
  }),
  changePassword: authedProcedure.input(ChangePasswordInput).mutation(async ({ ctx, input }) => {
    await changePassword(ctx.em, ctx.actor, { ...input, keepSessionId: ctx.session.id });
    return { ok: true as const };
  }),
} satisfies TRPCRouterRecord;


