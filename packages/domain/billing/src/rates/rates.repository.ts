/** pricing_rates reads and the set-wise upsert every card (seed or upload) is applied with. */
import type { EntityManager } from '@dbulk/db';
import type { Rate, StagedRate } from './rate-card.types';

interface RateRow {
  market: string;
  country_codes: string[];
  category: string;
  currency: string;
  pricing_model: string;
  rate: string;
  tiers: Rate['tiers'];
  effective_from: string;
  rate_card_id: string | null;
}

const toRate = (r: RateRow): Rate & { rateCardId: string | null } => ({
  market: r.market,
  countryCodes: r.country_codes,
  category: r.category,
  currency: r.currency,
  pricingModel: r.pricing_model,
  rate: Number(r.rate).toFixed(6),
  tiers: r.tiers,
  effectiveFrom: r.effective_from,
  rateCardId: r.rate_card_id,
});

/** Every rate of a currency effective on or before `upTo` (all of them without it); the card is a few hundred rows. */
export async function loadRates(
  em: EntityManager,
  options: { currency?: string; upTo?: string } = {},
): Promise<(Rate & { rateCardId: string | null })[]> {
  const rows: RateRow[] = await em.execute(
    `select market, country_codes, category, currency, pricing_model, rate::text as rate, tiers,
            to_char(effective_from, 'YYYY-MM-DD') as effective_from, rate_card_id
     from pricing_rates where currency = ? and (?::date is null or effective_from <= ?::date)
     order by effective_from, market, category`,
    [options.currency ?? 'USD', options.upTo ?? null, options.upTo ?? null],
  );
  return rows.map(toRate);
}

/**
 * Writes a card's rows for one effective date; a row already there with the same values is left
 * alone, so applying the same card twice changes nothing. Returns how many rows were written.
 */
export async function upsertRates(
  em: EntityManager,
  card: { id: string; effectiveFrom: string; currency: string },
  rows: readonly StagedRate[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const json = rows.map((r) => ({ ...r, tiers: r.tiers ?? null }));
  const written: { n: number }[] = await em.execute(
    `with x as (
       select * from jsonb_to_recordset(?::jsonb)
         as x(market text, "countryCodes" jsonb, category text, "pricingModel" text, rate numeric, tiers jsonb)),
     up as (
       insert into pricing_rates (id, created_at, updated_at, market, country_codes, category, currency, pricing_model, rate, tiers, effective_from, rate_card_id)
       select gen_random_uuid(), now(), now(), x.market, x."countryCodes", x.category, ?, x."pricingModel", x.rate,
              nullif(x.tiers, 'null'::jsonb), ?::date, ?::uuid
       from x
       on conflict (market, category, currency, pricing_model, effective_from) do update set
         rate = excluded.rate, tiers = excluded.tiers, country_codes = excluded.country_codes,
         rate_card_id = excluded.rate_card_id, updated_at = now()
       where (pricing_rates.rate, pricing_rates.tiers, pricing_rates.country_codes)
             is distinct from (excluded.rate, excluded.tiers, excluded.country_codes)
       returning 1)
     select count(*)::int as n from up`,
    [JSON.stringify(json), card.currency, card.effectiveFrom, card.id],
  );
  return written[0]?.n ?? 0;
}
