/**
 * A staged card against the card in force on its effective date: rates added, changed (rate or
 * calling codes), unchanged, and those in force that the card does not list (they keep their rates).
 */
import { RateCard, type EntityManager } from '@dbulk/db';
import { rateCardNotFound } from '../billing.errors';
import { rateCardInForce } from './rate-card.service';

export interface RateChange {
  market: string;
  category: string;
  pricingModel: string;
  from: string | null;
  to: string | null;
  codesFrom: string[] | null;
  codesTo: string[] | null;
}

export interface RateCardDiffDto {
  rateCardId: string;
  effectiveFrom: string;
  currency: string;
  status: string;
  added: RateChange[];
  changed: RateChange[];
  unchanged: number;
  /** In force now and not listed by the card: they keep their rates after it applies. */
  unlisted: RateChange[];
}

async function cardOf(em: EntityManager, id: string) {
  const card = await em.findOne(RateCard, { id });
  if (!card) throw rateCardNotFound(id);
  return card;
}

const sameCodes = (a: string[], b: string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** The staged card against the card in force on its effective date. */
export async function diffRateCard(em: EntityManager, rateCardId: string): Promise<RateCardDiffDto> {
  const card = await cardOf(em, rateCardId);
  const current = await rateCardInForce(em, card.effectiveFrom, card.currency);
  const key = (r: { market: string; category: string; pricingModel: string }) =>
    `${r.market}|${r.category}|${r.pricingModel}`;
  const now = new Map(current.rates.map((r) => [key(r), r]));
  const diff: RateCardDiffDto = {
    rateCardId,
    effectiveFrom: card.effectiveFrom,
    currency: card.currency,
    status: card.status,
    added: [],
    changed: [],
    unchanged: 0,
    unlisted: [],
  };
  for (const r of card.rows ?? []) {
    const old = now.get(key(r));
    now.delete(key(r));
    const change = {
      market: r.market,
      category: r.category,
      pricingModel: r.pricingModel,
      from: old?.rate ?? null,
      to: Number(r.rate).toFixed(6),
      codesFrom: old?.countryCodes ?? null,
      codesTo: r.countryCodes,
    };
    if (!old) diff.added.push(change);
    else if (old.rate !== change.to || !sameCodes(old.countryCodes, r.countryCodes))
      diff.changed.push(change);
    else diff.unchanged += 1;
  }
  for (const r of now.values())
    diff.unlisted.push({
      market: r.market,
      category: r.category,
      pricingModel: r.pricingModel,
      from: r.rate,
      to: null,
      codesFrom: r.countryCodes,
      codesTo: null,
    });
  return diff;
}
