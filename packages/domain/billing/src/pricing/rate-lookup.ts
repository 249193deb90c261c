/**
 * The rate in force for a market × category × pricing model on a day: the latest row on or
 * before it. Fallbacks keep a partial card usable: CBP without its own rates uses the per-message
 * rate, authentication-international uses authentication, and service (charged from 2026-10-01)
 * uses the market's utility rate when the card has no service row.
 */
import type { Rate } from '../rates/rate-card.types';

export interface RateQuery {
  market: string;
  category: string;
  pricingModel: string;
  currency: string;
  day: string;
}

const FALLBACK_CATEGORY: Record<string, string> = {
  authentication_international: 'authentication',
  service: 'utility',
};

function latest(rates: readonly Rate[], q: RateQuery): Rate | null {
  let found: Rate | null = null;
  for (const r of rates) {
    if (
      r.market !== q.market ||
      r.category !== q.category ||
      r.pricingModel !== q.pricingModel ||
      r.currency !== q.currency
    )
      continue;
    if (r.effectiveFrom <= q.day && (!found || r.effectiveFrom > found.effectiveFrom)) found = r;
  }
  return found;
}

export function rateFor(rates: readonly Rate[], q: RateQuery): Rate | null {
  const own = latest(rates, q);
  if (own) return own;
  const fallback = FALLBACK_CATEGORY[q.category];
  if (fallback) {
    const viaCategory = rateFor(rates, { ...q, category: fallback });
    if (viaCategory) return viaCategory;
  }
  return q.pricingModel === 'CBP' ? rateFor(rates, { ...q, pricingModel: 'PMP' }) : null;
}
