/**
 * Contact imports: recent ones, one by id, and live progress. The upload itself is the streamed
 * HTTP route POST /uploads/contacts of apps/api (a CSV body is no tRPC input).
 * onProgress polls the import's row every 500 ms, so it follows an import running on any replica.
 */
import { z } from 'zod';
import type { TRPCRouterRecord } from '@trpc/server';
import { importById, listImports, watchImport } from '@dbulk/domain-contacts';
import { tenantProcedure } from '../../trpc';
import { Id } from '../schemas';

export const importsRouter = {
  list: tenantProcedure('viewer')
    .input(z.object({ limit: z.number().int().min(1).max(100).default(20) }).default({ limit: 20 }))
    .query(({ ctx, input }) => listImports(ctx.em, ctx.tenant.id, input.limit)),
  byId: tenantProcedure('viewer')
    .input(z.object({ importId: Id }))
    .query(({ ctx, input }) => importById(ctx.em, ctx.tenant.id, input.importId)),
  /** Snapshots while the import runs; the last one is final. The upload may start after this opens. */
  onProgress: tenantProcedure('viewer')
    .input(z.object({ importId: Id }))
    .subscription(({ ctx, input, signal }) => watchImport(ctx.em, ctx.tenant.id, input.importId, { signal })),
} satisfies TRPCRouterRecord;
