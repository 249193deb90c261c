/**
 * Meta's messaging limit: unique recipients outside a service window per rolling 24 h, per
 * business portfolio (WABA), shared by all its numbers. Meta returns no error past it, so
 * dbulk keeps the budget itself. Pure maths here; messaging-limit.repository.ts reads the usage.
 */
export const TIER_LIMITS: Record<string, number> = {
  TIER_250: 250,
  TIER_1K: 1_000,
  TIER_2K: 2_000,
  TIER_10K: 10_000,
  TIER_100K: 100_000,
  TIER_UNLIMITED: Number.POSITIVE_INFINITY,
};

/** An unknown or missing tier counts as the lowest (250): sending too little is safe, too much is not. */
export const DEFAULT_TIER_LIMIT = 250;

export function tierLimit(tier: string | null | undefined): number {
  return (tier && TIER_LIMITS[tier]) || DEFAULT_TIER_LIMIT;
}

export interface DayCount {
  /** YYYY-MM-DD in the tenant's timezone. */
  day: string;
  count: number;
}

/** The calendar day of `date` in `timezone` (YYYY-MM-DD). */
export function dayIn(date: Date, timezone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
}

/**
 * How `count` recipients spread over rolling 24-hour windows: what fits in the budget left
 * today, then a full limit per following day. One entry when everything fits.
 */
export function splitAcrossDays(
  count: number,
  limit: number,
  available: number,
  start: Date,
  timezone: string,
): DayCount[] {
  const days: DayCount[] = [];
  let left = Math.max(0, count);
  let budget = Math.max(0, Math.min(available, limit));
  for (let i = 0; left > 0 || days.length === 0; i++) {
    const take = Number.isFinite(budget) ? Math.min(left, budget) : left;
    days.push({ day: dayIn(new Date(start.getTime() + i * 86_400_000), timezone), count: take });
    left -= take;
    budget = limit;
    if (i > 3_650) break; // a limit of 0 would loop forever; ten years is "never"
  }
  return days;
}
