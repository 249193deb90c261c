/** URL state of the admin billing pages, the period defaults and the margins query input. */
import { z } from 'zod';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const iso = (at: number) => new Date(at).toISOString().slice(0, 10);

/** `/billing?from=2026-07-01&to=2026-07-31&q=acme` — UTC days, and part of a tenant's name. */
export const marginSearchSchema = z.object({
  from: Day.optional().catch(undefined),
  to: Day.optional().catch(undefined),
  q: z.string().max(120).optional().catch(undefined),
});
export type MarginSearch = z.infer<typeof marginSearchSchema>;

/** This month so far, unless the URL names a period. */
export function marginPeriod(search: MarginSearch, now = Date.now()): { from: string; to: string } {
  const to = search.to ?? iso(now);
  const from = search.from ?? `${to.slice(0, 7)}-01`;
  return from <= to ? { from, to } : { from: to, to: from };
}

/** Same search → same input → same cache key for the loader and the page. */
export function marginsInput(search: MarginSearch, now = Date.now()) {
  const q = search.q?.trim();
  return { ...marginPeriod(search, now), ...(q ? { search: q } : {}) };
}

/** `/rate-card?date=2026-10-01` — the card in force on that day. */
export const rateCardSearchSchema = z.object({ date: Day.optional().catch(undefined) });
export const today = () => iso(Date.now());
