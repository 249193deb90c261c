/**
 * The rate card for admins: the card in force on a day; an uploaded CSV staged with row-level
 * errors; its difference from the card in force on its effective date; its application (audited).
 * An applied card merges into pricing_rates: markets it does not list keep their rates.
 */
import { LockMode, RateCard, type EntityManager } from '@dbulk/db';
import { recordAudit, type AuditActor } from '@dbulk/domain-platform';
import { AppError } from '@dbulk/errors';
import { BILLING_ERRORS, rateCardNotFound } from '../billing.errors';
import { marketsAt } from './markets';
import { parseRateCard } from './rate-card.parser';
import type { Rate, RateCardError, StagedRate } from './rate-card.types';
import { loadRates, upsertRates } from './rates.repository';

export interface RateInForce extends Rate {
  rateCardId: string | null;
}

export interface RateCardInForceDto {
  date: string;
  currency: string;
  rates: RateInForce[];
}

/** Each market × category × model at its latest rate on or before `date`, for the markets in force then. */
export async function rateCardInForce(
  em: EntityManager,
  date: string,
  currency = 'USD',
): Promise<RateCardInForceDto> {
  const all = await loadRates(em, { currency, upTo: date });
  const live = new Map(marketsAt(all, date, currency).map((m) => [m.market, m]));
  const latest = new Map<string, RateInForce>();
  for (const r of all) latest.set(`${r.market}|${r.category}|${r.pricingModel}`, r); // ordered by date
  const rates = [...latest.values()]
    .filter((r) => live.has(r.market))
    .map((r) => ({ ...r, countryCodes: live.get(r.market)!.codes }))
    .sort(
      (a, b) =>
        a.market.localeCompare(b.market) ||
        a.category.localeCompare(b.category) ||
        a.pricingModel.localeCompare(b.pricingModel),
    );
  return { date, currency, rates };
}

export interface StageResult {
  rateCardId: string | null;
  rows: number;
  errors: RateCardError[];
}

/** Validates a CSV; with no error it is kept as a staged card (nothing is priced by it yet). */
export async function stageRateCard(
  em: EntityManager,
  actor: AuditActor,
  input: { csv: string; effectiveFrom: string },
): Promise<StageResult> {
  const { rows, errors } = parseRateCard(input.csv);
  for (const r of rows) {
    if (r.effectiveFrom !== null && r.effectiveFrom !== input.effectiveFrom)
      errors.push({
        line: r.line,
        field: 'effective_from',
        message: `${r.effectiveFrom} differs from the card's effective date ${input.effectiveFrom}`,
      });
  }
  const currencies = new Set(rows.map((r) => r.currency));
  if (currencies.size > 1)
    errors.push({
      line: 1,
      field: 'currency',
      message: `one card has one currency; found ${[...currencies].join(', ')}`,
    });
  if (errors.length > 0)
    return { rateCardId: null, rows: rows.length, errors: errors.sort((a, b) => a.line - b.line) };
  const staged: StagedRate[] = rows.map(({ market, countryCodes, category, pricingModel, rate, tiers }) => ({
    market,
    countryCodes,
    category,
    pricingModel,
    rate,
    tiers,
  }));
  const card = em.create(RateCard, {
    effectiveFrom: input.effectiveFrom,
    currency: rows[0]?.currency ?? 'USD',
    source: 'upload',
    status: 'staged',
    rowCount: staged.length,
    rows: staged,
    uploadedBy: actor.userId,
  });
  await em.flush();
  await recordAudit(em, actor, {
    tenantId: null,
    action: 'billing.rate_card.staged',
    targetType: 'rate_card',
    targetId: card.id,
    changes: { after: { effectiveFrom: input.effectiveFrom, rows: staged.length } },
  });
  return { rateCardId: card.id, rows: staged.length, errors: [] };
}

/** Applies a staged card: its rows become pricing_rates from its effective date (audited). */
export async function applyRateCard(
  em: EntityManager,
  actor: AuditActor,
  rateCardId: string,
): Promise<{ rateCardId: string; effectiveFrom: string; written: number }> {
  return em.transactional(async (tx) => {
    const card = await tx.findOne(RateCard, { id: rateCardId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!card) throw rateCardNotFound(rateCardId);
    if (card.status !== 'staged')
      throw new AppError(
        BILLING_ERRORS.RATE_CARD_NOT_STAGED,
        'conflict',
        `rate card ${rateCardId} was already applied on ${card.appliedAt?.toISOString() ?? 'an earlier date'}`,
      );
    const written = await upsertRates(
      tx,
      { id: card.id, effectiveFrom: card.effectiveFrom, currency: card.currency },
      card.rows ?? [],
    );
    tx.assign(card, { status: 'applied', appliedAt: new Date() });
    await tx.flush();
    await recordAudit(tx, actor, {
      tenantId: null,
      action: 'billing.rate_card.applied',
      targetType: 'rate_card',
      targetId: card.id,
      changes: { after: { effectiveFrom: card.effectiveFrom, rows: card.rowCount, written } },
    });
    return { rateCardId: card.id, effectiveFrom: card.effectiveFrom, written };
  });
}
