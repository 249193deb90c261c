/** Shared by the loader and the component so both name the very same query. */
import type { Trpc } from '../../../lib/trpc';

export const AUDIT_PAGE_SIZE = 50;

export function auditListOptions(trpc: Trpc, filters: { tenantId?: string | undefined; action?: string | undefined }) {
  return trpc.audit.list.infiniteQueryOptions(
    {
      limit: AUDIT_PAGE_SIZE,
      ...(filters.tenantId ? { tenantId: filters.tenantId } : {}),
      ...(filters.action ? { action: filters.action } : {}),
    },
    { getNextPageParam: (page) => page.nextCursor ?? undefined },
  );
}
