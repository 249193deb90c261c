/**
 * GET /exports/campaigns/:campaignId/messages.csv: a campaign's messages as CSV, streamed from
 * keyset pages so any campaign size exports in bounded memory. Authenticated like a tRPC query:
 * the session cookie, the tenant from the session with its membership re-checked (any role), the
 * campaign scoped by that tenant (another tenant's is 404). Read-only, so no Origin check.
 * @see https://fastify.dev/docs/latest/Reference/Reply/#streams
 */
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createContext, type ApiDeps } from '@dbulk/api';
import { exportMessagesCsv } from '@dbulk/domain-campaigns';
import { requireTenantAccess } from '@dbulk/domain-tenancy';
import { isAppError } from '@dbulk/errors';
import { errorBody } from './http-errors';
import { requestMeta } from './trpc-host';

export interface CampaignExportOptions {
  deps: ApiDeps;
  secureCookies: boolean;
}

const Params = z.object({ campaignId: z.uuid() });

export async function campaignExport(app: FastifyInstance, options: CampaignExportOptions): Promise<void> {
  const { deps, secureCookies } = options;
  app.get('/exports/campaigns/:campaignId/messages.csv', async (request, reply) => {
    const fail = (status: number, code: Parameters<typeof errorBody>[1], message: string, appCode: string) =>
      reply.code(status).send(errorBody(status, code, message, appCode));
    const params = Params.safeParse(request.params);
    if (!params.success) return fail(400, 'BAD_REQUEST', 'campaignId must be a UUID', 'INVALID_INPUT');
    const ctx = await createContext(deps, requestMeta(request, reply, secureCookies));
    if (!ctx.user || !ctx.session) return fail(401, 'UNAUTHORIZED', 'sign in to continue', 'UNAUTHENTICATED');
    try {
      const access = await requireTenantAccess(
        ctx.em,
        ctx.user.id,
        ctx.session.currentTenant?.id ?? null,
        'viewer',
      );
      const { fileName, lines } = await exportMessagesCsv(ctx.em, access.tenant.id, params.data.campaignId);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'no-store')
        .send(Readable.from(lines));
    } catch (err) {
      if (!isAppError(err)) throw err;
      return fail(err.httpStatus, err.trpcCode, err.message, err.code);
    }
  });
}
