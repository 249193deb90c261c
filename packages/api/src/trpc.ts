/**
 * The one tRPC infrastructure file: init, the error formatter, named middlewares and the base
 * procedures named by who may call them.
 * @see https://trpc.io/docs/server/procedures#reusable-base-procedures
 */
import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError, z } from 'zod';
import { isAppError } from '@dbulk/errors';
import type { TenantRole } from '@dbulk/db';
import { withLogContext } from '@dbulk/logger';
import { requireTenantAccess, TenancyErrors, type TenantActor } from '@dbulk/domain-tenancy';
import type { Context } from './context';

const t = initTRPC.context<Context>().create({
  // Pings keep idle SSE streams alive through proxies; the client reconnects after silence.
  sse: { ping: { enabled: true, intervalMs: 15_000 }, client: { reconnectAfterInactivityMs: 20_000 } },
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const fieldErrors = cause instanceof ZodError ? z.flattenError(cause).fieldErrors : undefined;
    const appError = isAppError(cause) ? cause : null;
    const field = appError?.details?.field;
    return {
      ...shape,
      message: error.code === 'INTERNAL_SERVER_ERROR' && !appError ? 'internal error' : shape.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        appCode: appError?.code ?? (fieldErrors ? 'INVALID_INPUT' : null),
        fieldErrors: fieldErrors ?? (typeof field === 'string' ? { [field]: [shape.message] } : undefined),
        retryAfter: appError?.retryAfter,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Domain code throws AppError; this turns it into the tRPC error its category names. */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && isAppError(result.error.cause)) {
    const cause = result.error.cause;
    throw new TRPCError({ code: cause.trpcCode, message: cause.message, cause });
  }
  return result;
});

/** CSRF: a cookie-authenticated mutation must come from one of our own origins. */
const sameOrigin = t.middleware(({ ctx, type, next }) => {
  if (type === 'mutation' && (!ctx.req.origin || !ctx.allowedOrigins.includes(ctx.req.origin))) {
    throw new TRPCError({ code: 'FORBIDDEN', message: `origin ${ctx.req.origin ?? '(none)'} may not send mutations` });
  }
  return next();
});

const logged = t.middleware(({ ctx, path, next }) =>
  withLogContext({ userId: ctx.user?.id }, async () => {
    const result = await next();
    if (!result.ok && result.error.code === 'INTERNAL_SERVER_ERROR') ctx.logger.error({ err: result.error.cause ?? result.error, path }, 'procedure failed');
    return result;
  }),
);

export const publicProcedure = t.procedure.use(logged).use(appErrors).use(sameOrigin);

const isAuthed = t.middleware(({ ctx, next }) => {
  if (!ctx.user || !ctx.session) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'sign in to continue' });
  const actor = { userId: ctx.user.id, email: ctx.user.email, ip: ctx.req.ip };
  return next({ ctx: { user: ctx.user, session: ctx.session, actor } });
});

export const authedProcedure = publicProcedure.use(isAuthed);

/**
 * The tenant comes from the session's selection and is checked against memberships on every
 * call; a client-supplied tenant id is never trusted on its own.
 */
export const tenantProcedure = (atLeast: TenantRole) =>
  authedProcedure.use(async ({ ctx, next }) => {
    const access = await requireTenantAccess(ctx.em, ctx.user.id, ctx.session.currentTenant?.id ?? null, atLeast);
    const actor: TenantActor = { ...ctx.actor, tenantId: access.tenant.id, role: access.role };
    return withLogContext({ tenantId: access.tenant.id }, () => next({ ctx: { tenant: access.tenant, role: access.role, actor } }));
  });

const isPlatformAdmin = t.middleware(({ ctx, next }) => {
  if (!ctx.user?.isPlatformAdmin) throw TenancyErrors.roleTooLow('platform admin');
  return next();
});

export const adminProcedure = authedProcedure.use(isPlatformAdmin);
