/** Search-param schemas of the admin routes (zod parses what the URL says; bad values are dropped). */
import { z } from 'zod';

export const signInSearchSchema = z.object({
  redirect: z.string().max(2000).optional().catch(undefined),
});

/** `/tenants?q=acme` */
export const tenantsSearchSchema = z.object({
  q: z.string().trim().max(120).optional().catch(undefined),
});

/** `/audit?tenantId=<uuid>&action=member.` — action is a prefix. */
export const auditSearchSchema = z.object({
  tenantId: z.uuid().optional().catch(undefined),
  action: z.string().trim().max(80).optional().catch(undefined),
});
export type AuditSearch = z.infer<typeof auditSearchSchema>;

/** Empty strings mean "no filter": keep them out of the URL. */
export function compactSearch<T extends Record<string, string | undefined>>(search: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [key, value] of Object.entries(search) as [keyof T, string | undefined][]) {
    if (value !== undefined && value.trim() !== '') out[key] = value.trim() as T[keyof T];
  }
  return out;
}
