import { z } from 'zod';
import type { TRPCRouterRecord } from '@trpc/server';
import { Tenant } from '@dbulk/db';
import { listAudit } from '@dbulk/domain-platform';
import { adminProcedure } from '../../trpc';
import { Id, PageLimit } from '../schemas';

export const adminAuditRouter = {
  list: adminProcedure
    .input(
      z
        .object({ tenantId: Id.optional(), action: z.string().max(80).optional(), cursor: z.string().regex(/^\d+$/).optional(), limit: PageLimit })
        .default({ limit: 25 }),
    )
    .query(async ({ ctx, input }) => {
      const page = await listAudit(ctx.em, { tenantId: input.tenantId, action: input.action, before: input.cursor, limit: input.limit });
      const ids = [...new Set(page.items.map((i) => i.tenantId).filter((id): id is string => id !== null))];
      const tenants = ids.length ? await ctx.em.find(Tenant, { id: { $in: ids } }, { fields: ['name'] }) : [];
      const names = new Map(tenants.map((t) => [t.id, t.name]));
      return { ...page, items: page.items.map((i) => ({ ...i, tenantName: i.tenantId ? (names.get(i.tenantId) ?? null) : null })) };
    }),
} satisfies TRPCRouterRecord;
