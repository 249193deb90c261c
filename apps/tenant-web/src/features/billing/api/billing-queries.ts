/**
 * The billing page's URL state (period and ledger filters), the query inputs built from it (same
 * input → same cache key for the loader and the component), and the ledger CSV download.
 */
import { z } from 'zod';
import type { RouterInputs } from '../../../lib/trpc';

export const LEDGER_PAGE_SIZE = 25;
/** Holds are not money that moved: they live beside the ledger (see the balance tiles). */
export const LEDGER_KINDS = ['charge', 'adjustment'] as const;
export const BILLING_CATEGORIES = [
  'marketing',
  'utility',
  'authentication',
  'authentication_international',
  'service',
] as const;
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** `/billing?from=2026-07-01&to=2026-07-31&kind=charge&category=marketing&campaignId=…` */
export const billingSearchSchema = z.object({
  from: Day.optional().catch(undefined),
  to: Day.optional().catch(undefined),
  kind: z.enum(LEDGER_KINDS).optional().catch(undefined),
  category: z.enum(BILLING_CATEGORIES).optional().catch(undefined),
  campaignId: z.uuid().optional().catch(undefined),
});
export type BillingSearch = z.infer<typeof billingSearchSchema>;

const iso = (at: number) => new Date(at).toISOString().slice(0, 10);

/** The last 30 days including today, unless the URL names a period. */
export function periodOf(search: BillingSearch, now = Date.now()): { from: string; to: string } {
  const to = search.to ?? iso(now);
  const from = search.from ?? iso(Date.parse(`${to}T00:00:00Z`) - 29 * 86_400_000);
  return from <= to ? { from, to } : { from: to, to: from };
}

export function ledgerFilter(
  search: BillingSearch,
): Omit<RouterInputs['billing']['ledger'], 'cursor' | 'limit'> {
  return {
    ...periodOf(search),
    ...(search.kind ? { kind: search.kind } : {}),
    ...(search.category ? { category: search.category } : {}),
    ...(search.campaignId ? { campaignId: search.campaignId } : {}),
  };
}

export function ledgerInput(
  search: BillingSearch,
  cursor?: string | null,
): RouterInputs['billing']['ledger'] {
  return { ...ledgerFilter(search), ...(cursor ? { cursor } : {}), limit: LEDGER_PAGE_SIZE };
}

/** The api streams the filtered ledger as CSV here (same origin: the session cookie goes along). */
export function ledgerCsvUrl(search: BillingSearch): string {
  const query = new URLSearchParams(Object.entries(ledgerFilter(search)).map(([k, v]) => [k, String(v)]));
  return `/exports/ledger.csv?${query.toString()}`;
}
