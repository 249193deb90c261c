/**
 * A quote: recipients grouped by their first four digits (no calling code is longer, so four
 * digits decide the market) × the rate of their market for the template's category on the day
 * (tenant's timezone), plus the tenant's markup. Volume tiers are ignored, so a quote is an upper
 * bound of what Meta will charge for the same deliveries.
 */
import type { EntityManager } from '@dbulk/db';
import { marketResolver, marketsAt } from '../rates/markets';
import { loadRates } from '../rates/rates.repository';
import type { Rate } from '../rates/rate-card.types';
import { fromMicros, localDay, normalCategory, toMicros, withMarkup } from './pricing';
import { rateFor } from './rate-lookup';

export interface PrefixCount {
  prefix: string;
  count: number;
}

export interface QuoteLine {
  market: string;
  count: number;
  /** Tenant's price per message (Meta's rate plus markup). */
  rate: string;
  amount: string;
}

export interface QuoteDto {
  currency: 'USD';
  category: string;
  day: string;
  markupPercent: string;
  total: string;
  lines: QuoteLine[];
  /** Recipients whose market has no rate on that day (not in the total). */
  unpriced: number;
}

/** SQL of a phone column's first four digits, the key prefix counts group by. */
export const prefixSql = (column: string) => `left(regexp_replace(${column}, '\\D', '', 'g'), 4)`;

/** Pure: prices prefix counts against a set of rates. */
export function quoteOf(
  rates: readonly Rate[],
  input: { prefixes: PrefixCount[]; category: string; day: string; markupPercent: string },
): QuoteDto {
  const category = normalCategory(input.category);
  const resolve = marketResolver(marketsAt(rates, input.day));
  const lines = new Map<string, QuoteLine & { micros: number }>();
  let unpriced = 0;
  for (const { prefix, count } of input.prefixes) {
    const market = resolve(prefix);
    const rate =
      market &&
      rateFor(rates, {
        market: market.market,
        category,
        pricingModel: 'PMP',
        currency: 'USD',
        day: input.day,
      });
    if (!market || !rate) {
      unpriced += count;
      continue;
    }
    const price = withMarkup(rate.rate, input.markupPercent);
    const line = lines.get(market.market) ?? {
      market: market.market,
      count: 0,
      rate: price,
      amount: '0',
      micros: 0,
    };
    line.count += count;
    line.micros += toMicros(price) * count;
    line.amount = fromMicros(line.micros);
    lines.set(market.market, line);
  }
  const sorted = [...lines.values()].sort((a, b) => b.micros - a.micros);
  const total = fromMicros(sorted.reduce((sum, l) => sum + l.micros, 0));
  return {
    currency: 'USD',
    category,
    day: input.day,
    markupPercent: input.markupPercent,
    total,
    lines: sorted.map(({ micros: _m, ...l }) => l),
    unpriced,
  };
}

/** Loads the tenant's markup and timezone and the rates, then prices the prefix counts. */
export async function quotePrefixes(
  em: EntityManager,
  input: { tenantId: string; category: string; prefixes: PrefixCount[]; at?: Date },
): Promise<QuoteDto> {
  const [tenant]: { timezone: string; markup_percent: string }[] = await em.execute(
    `select timezone, markup_percent::text from tenants where id = ?::uuid`,
    [input.tenantId],
  );
  const day = localDay(input.at ?? new Date(), tenant?.timezone ?? 'UTC');
  const rates = await loadRates(em, { upTo: day });
  return quoteOf(rates, {
    prefixes: input.prefixes,
    category: input.category,
    day,
    markupPercent: tenant?.markup_percent ?? '0',
  });
}
