/** Shared by the loader and the component so both name the very same query. */
import type { Trpc } from '../../../lib/trpc';

export const TENANTS_PAGE_SIZE = 25;

export function tenantsListOptions(trpc: Trpc, search: string | undefined) {
  return trpc.tenants.list.infiniteQueryOptions(
    search ? { search, limit: TENANTS_PAGE_SIZE } : { limit: TENANTS_PAGE_SIZE },
    { getNextPageParam: (page) => page.nextCursor ?? undefined },
  );
}
