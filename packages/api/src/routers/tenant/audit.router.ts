import { z } from 'zod';
import type { TRPCRouterRecord } from '@trpc/server';
import { listAudit } from '@dbulk/domain-platform';
import { tenantProcedure } from '../../trpc';
import { PageLimit } from '../schemas';
import { auditStream } from '../shared/audit-stream';

export const auditRouter = {
  list: tenantProcedure('admin')
    .input(z.object({ cursor: z.string().regex(/^\d+$/).optional(), limit: PageLimit }).default({ limit: 25 }))
    .query(({ ctx, input }) => listAudit(ctx.em, { tenantId: ctx.tenant.id, before: input.cursor, limit: input.limit })),
  /** Live activity of the current tenant. */
  onNew: tenantProcedure('admin')
    .input(z.object({ lastEventId: z.string().regex(/^\d+$/).nullish() }).optional())
    .subscription(({ ctx, input, signal }) => auditStream(ctx, ctx.tenant.id, input?.lastEventId, signal)),
} satisfies TRPCRouterRecord;
