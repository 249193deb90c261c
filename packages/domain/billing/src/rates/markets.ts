/**
 * Which market (rate-card region) a phone number belongs to on a day: the longest calling-code
 * prefix among the markets of the card in force, so +1 809… is Rest of Latin America while
 * +1 212… is North America, and +7 7… is Kazakhstan (from 2026-10-01) while +7 9… is Russia.
 * A card may list only what changed: each market keeps the codes of its latest row on or before
 * the day, and when two markets claim a code the more recent row wins (Morocco left Rest of
 * Africa on 2026-10-01). A number no market lists falls to the market with no codes ("Other").
 * @see /work/shared/meta/README.md §6.3
 */
import type { Rate } from './rate-card.types';

export interface MarketCodes {
  market: string;
  codes: string[];
  effectiveFrom: string;
}

export interface MarketMatch {
  market: string;
  /** The prefix that matched, '' for the rest-of-world market. */
  code: string;
}

/** The markets of the card in force on `day` (YYYY-MM-DD) for one currency. */
export function marketsAt(rates: readonly Rate[], day: string, currency = 'USD'): MarketCodes[] {
  const latest = new Map<string, MarketCodes>();
  for (const r of rates) {
    if (r.currency !== currency || r.effectiveFrom > day) continue;
    const seen = latest.get(r.market);
    if (!seen || r.effectiveFrom > seen.effectiveFrom)
      latest.set(r.market, { market: r.market, codes: r.countryCodes, effectiveFrom: r.effectiveFrom });
  }
  return [...latest.values()];
}

export const digitsOf = (phone: string) => phone.replace(/\D/g, '');

/** The market of a phone number (E.164 or digits) among `markets`; null when none fits. */
export function resolveMarket(phone: string, markets: readonly MarketCodes[]): MarketMatch | null {
  const digits = digitsOf(phone);
  let best: (MarketMatch & { from: string }) | null = null;
  for (const m of markets) {
    for (const code of m.codes) {
      if (!digits.startsWith(code)) continue;
      const better =
        !best ||
        code.length > best.code.length ||
        (code.length === best.code.length && m.effectiveFrom > best.from);
      if (better) best = { market: m.market, code, from: m.effectiveFrom };
    }
  }
  if (best) return { market: best.market, code: best.code };
  const rest = markets
    .filter((m) => m.codes.length === 0)
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0];
  return rest ? { market: rest.market, code: '' } : null;
}

/** Memoised resolution for many numbers against one day's markets (a quote groups by prefix). */
export function marketResolver(markets: readonly MarketCodes[]): (phone: string) => MarketMatch | null {
  const cache = new Map<string, MarketMatch | null>();
  return (phone) => {
    // No calling code is longer than 4 digits, so 4 digits decide the market.
    const key = digitsOf(phone).slice(0, 4);
    if (!cache.has(key)) cache.set(key, resolveMarket(key, markets));
    return cache.get(key)!;
  };
}
