/**
 * POST /uploads/contacts: a CSV body streamed straight into the contacts import (never buffered
 * whole), authenticated like a tRPC mutation: the session cookie, the tenant from the session
 * with its membership re-checked (member or above), and the Origin check against CSRF.
 * Query: fileName, listId, importId (the client's, so it can subscribe to progress first) and
 * mapping (JSON: {phone, name, tags, attributes}). Answers the finished import's summary.
 * @see https://fastify.dev/docs/latest/Reference/ContentTypeParser/
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createContext, type ApiDeps } from '@dbulk/api';
import { DEFAULT_MAX_IMPORT_BYTES, importContacts } from '@dbulk/domain-contacts';
import { requireTenantAccess } from '@dbulk/domain-tenancy';
import { isAppError } from '@dbulk/errors';
import { errorBody } from './http-errors';
import { requestMeta } from './trpc-host';

export interface ContactsUploadOptions {
  deps: ApiDeps;
  secureCookies: boolean;
  maxBytes?: number;
}

export const CSV_TYPES = [
  'text/csv',
  'application/csv',
  'application/vnd.ms-excel',
  'application/octet-stream',
];

const Mapping = z.object({
  phone: z.string().max(200).nullish(),
  name: z.string().max(200).nullish(),
  tags: z.string().max(200).nullish(),
  attributes: z.array(z.string().max(200)).max(200).nullish(),
});
const Query = z.object({
  fileName: z.string().trim().min(1).max(255).default('contacts.csv'),
  listId: z.uuid().optional(),
  importId: z.uuid().optional(),
  mapping: z
    .string()
    .max(20_000)
    .optional()
    .transform((text, ctx) => {
      if (!text) return {};
      try {
        return Mapping.parse(JSON.parse(text));
      } catch {
        ctx.addIssue({
          code: 'custom',
          message: 'mapping must be JSON: {"phone":…,"name":…,"tags":…,"attributes":[…]}',
        });
        return z.NEVER;
      }
    }),
});

export async function contactsUpload(app: FastifyInstance, options: ContactsUploadOptions): Promise<void> {
  const { deps, secureCookies, maxBytes = DEFAULT_MAX_IMPORT_BYTES } = options;
  // The body is left unread here; the handler streams request.raw into the import.
  app.addContentTypeParser(CSV_TYPES, (_request, _payload, done) => done(null));

  app.post('/uploads/contacts', async (request, reply) => {
    const fail = (status: number, code: Parameters<typeof errorBody>[1], message: string, appCode: string) =>
      reply.code(status).send(errorBody(status, code, message, appCode));
    const ctx = await createContext(deps, requestMeta(request, reply, secureCookies));
    if (!ctx.user || !ctx.session) return fail(401, 'UNAUTHORIZED', 'sign in to continue', 'UNAUTHENTICATED');
    if (!request.headers.origin || !deps.allowedOrigins.includes(request.headers.origin))
      return fail(
        403,
        'FORBIDDEN',
        `origin ${request.headers.origin ?? '(none)'} may not upload`,
        'ORIGIN_FORBIDDEN',
      );
    const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (!CSV_TYPES.includes(type))
      return fail(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        `send the file as text/csv, not ${type || 'without a content type'}`,
        'UNSUPPORTED_MEDIA_TYPE',
      );
    const query = Query.safeParse(request.query);
    if (!query.success) return fail(400, 'BAD_REQUEST', z.prettifyError(query.error), 'INVALID_INPUT');
    const length = Number(request.headers['content-length'] ?? NaN);
    if (length > maxBytes)
      return fail(
        413,
        'PAYLOAD_TOO_LARGE',
        `the file is larger than the ${maxBytes}-byte limit`,
        'BODY_TOO_LARGE',
      );
    try {
      const access = await requireTenantAccess(
        ctx.em,
        ctx.user.id,
        ctx.session.currentTenant?.id ?? null,
        'member',
      );
      const actor = {
        userId: ctx.user.id,
        email: ctx.user.email,
        ip: request.ip || null,
        tenantId: access.tenant.id,
      };
      const { fileName, listId, importId, mapping } = query.data;
      const bytesTotal = Number.isFinite(length) ? length : null;
      const result = await importContacts(
        ctx.em,
        actor,
        { fileName, listId: listId ?? null, importId, mapping, bytesTotal, maxBytes },
        request.raw,
      );
      return reply.send(result);
    } catch (err) {
      if (!isAppError(err)) throw err;
      return fail(err.httpStatus, err.trpcCode, err.message, err.code);
    }
  });
}
