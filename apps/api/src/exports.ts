/**
 * CSV downloads, streamed from keyset pages so any size exports in bounded memory:
 * - GET /exports/campaigns/:campaignId/messages.csv — a campaign's messages (any role);
 * - GET /exports/ledger.csv?from&to&kind&category&campaignId — the billing ledger, newest first
 *   (owners and admins, like the billing pages).
 * Authenticated like a tRPC query: the session cookie, the tenant from the session with its
 * membership re-checked; every row scoped by that tenant (another tenant's campaign is 404).
 * Read-only, so no Origin check. A refused filter is an error before the first byte.
 * @see https://fastify.dev/docs/latest/Reference/Reply/#streams
 */
import { Readable } from 'node:stream';
import type { FastifyReply, FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { createContext, type ApiDeps } from '@dbulk/api';
import { LEDGER_KINDS, PRICING_CATEGORIES, type TenantRole } from '@dbulk/db';
import { exportLedgerCsv } from '@dbulk/domain-billing';
import { exportMessagesCsv } from '@dbulk/domain-campaigns';
import { requireTenantAccess } from '@dbulk/domain-tenancy';
import { isAppError } from '@dbulk/errors';
import { errorBody } from './http-errors';
import { requestMeta } from './trpc-host';

export interface ExportsOptions {
  deps: ApiDeps;
  secureCookies: boolean;
}

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD');
const CampaignParams = z.object({ campaignId: z.uuid() });
const LedgerQuery = z.object({
  kind: z.enum(LEDGER_KINDS).optional(),
  category: z.enum(PRICING_CATEGORIES).optional(),
  campaignId: z.uuid().optional(),
  from: Day.optional(),
  to: Day.optional(),
});

type Csv = { fileName: string; lines: AsyncIterable<string> };

export async function exportsRoutes(app: FastifyInstance, options: ExportsOptions): Promise<void> {
  const { deps, secureCookies } = options;

  /** Parses, authenticates and authorises, then streams what `produce` returns for the tenant. */
  async function serve<T>(
    request: FastifyRequest,
    reply: FastifyReply,
    input: z.ZodSafeParseResult<T>,
    role: TenantRole,
    produce: (ctx: Awaited<ReturnType<typeof createContext>>, tenantId: string, input: T) => Promise<Csv>,
  ) {
    const fail = (status: number, code: Parameters<typeof errorBody>[1], message: string, appCode: string) =>
      reply.code(status).send(errorBody(status, code, message, appCode));
    if (!input.success) return fail(400, 'BAD_REQUEST', z.prettifyError(input.error), 'INVALID_INPUT');
    const ctx = await createContext(deps, requestMeta(request, reply, secureCookies));
    if (!ctx.user || !ctx.session) return fail(401, 'UNAUTHORIZED', 'sign in to continue', 'UNAUTHENTICATED');
    try {
      const access = await requireTenantAccess(
        ctx.em,
        ctx.user.id,
        ctx.session.currentTenant?.id ?? null,
        role,
      );
      const { fileName, lines } = await produce(ctx, access.tenant.id, input.data);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'no-store')
        .send(Readable.from(lines));
    } catch (err) {
      if (!isAppError(err)) throw err;
      return fail(err.httpStatus, err.trpcCode, err.message, err.code);
    }
  }

  app.get('/exports/campaigns/:campaignId/messages.csv', (request, reply) =>
    serve(
      request,
      reply,
      CampaignParams.safeParse(request.params),
      'viewer',
      (ctx, tenantId, { campaignId }) => exportMessagesCsv(ctx.em, tenantId, campaignId),
    ),
  );

  app.get('/exports/ledger.csv', (request, reply) =>
    serve(
      request,
      reply,
      LedgerQuery.safeParse(request.query),
      'admin',
      (ctx, tenantId, { from, to, ...filter }) =>
        exportLedgerCsv(ctx.em, tenantId, {
          ...filter,
          // A period needs both ends: one end alone names a single day (as the ledger procedure).
          period: from || to ? { from: (from ?? to)!, to: (to ?? from)! } : undefined,
        }),
    ),
  );
}
