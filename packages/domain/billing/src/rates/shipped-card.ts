/**
 * The rate card the repository ships (data/rate-card.csv, built from ../shared/meta/rate-card.csv),
 * loaded idempotently: one `seed` card per effective date, rows written only when they differ,
 * so a second run changes nothing. Used by scripts/seed-pricing.ts.
 */
import { readFileSync } from 'node:fs';
import { RateCard, type EntityManager } from '@dbulk/db';
import { parseRateCard } from './rate-card.parser';
import type { StagedRate } from './rate-card.types';
import { upsertRates } from './rates.repository';

export const SHIPPED_CARD_URL = new URL('../../data/rate-card.csv', import.meta.url);

export const readShippedCard = (): string => readFileSync(SHIPPED_CARD_URL, 'utf8');

export interface SeedResult {
  cards: { effectiveFrom: string; rows: number; written: number; created: boolean }[];
}

export async function seedRateCard(em: EntityManager, csv: string = readShippedCard()): Promise<SeedResult> {
  const { rows, errors } = parseRateCard(csv);
  if (errors.length > 0)
    throw new Error(
      `the shipped rate card is invalid: ${errors.map((e) => `line ${e.line} ${e.field}: ${e.message}`).join('; ')}`,
    );
  const byDate = new Map<string, StagedRate[]>();
  for (const r of rows) {
    if (!r.effectiveFrom)
      throw new Error(`the shipped rate card needs effective_from on every row (line ${r.line})`);
    const { market, countryCodes, category, pricingModel, rate, tiers } = r;
    byDate.set(r.effectiveFrom, [
      ...(byDate.get(r.effectiveFrom) ?? []),
      { market, countryCodes, category, pricingModel, rate, tiers },
    ]);
  }
  const result: SeedResult = { cards: [] };
  await em.transactional(async (tx) => {
    for (const [effectiveFrom, staged] of [...byDate].sort(([a], [b]) => a.localeCompare(b))) {
      let card = await tx.findOne(RateCard, { source: 'seed', effectiveFrom, currency: 'USD' });
      const created = !card;
      if (!card) {
        card = tx.create(RateCard, {
          effectiveFrom,
          currency: 'USD',
          source: 'seed',
          status: 'applied',
          rowCount: staged.length,
          rows: null,
          appliedAt: new Date(),
          note: 'shipped with dbulk (data/rate-card.csv)',
        });
        await tx.flush();
      }
      const written = await upsertRates(tx, { id: card.id, effectiveFrom, currency: 'USD' }, staged);
      if (!created && card.rowCount !== staged.length) {
        tx.assign(card, { rowCount: staged.length });
        await tx.flush();
      }
      result.cards.push({ effectiveFrom, rows: staged.length, written, created });
    }
  });
  return result;
}
