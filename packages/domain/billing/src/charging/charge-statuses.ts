/**
 * Charging from status webhooks, called by the campaign engine's status path (applyStatuses) in
 * the same transaction as the statuses: one read of the delivered messages not yet charged, the
 * pricing rules in TypeScript (market by calling code, rate in force on the day in the tenant's
 * timezone, free types at zero), then one write (charge.sql.ts). PMP: one entry per delivered
 * message (`pmp:<wamid>`); CBP: one per conversation (`cbp:<conversation id>`), so a replayed or
 * duplicated webhook finds its entry and charges nothing.
 */
import { boundQuery, type EntityManager } from '@dbulk/db';
import { marketResolver, marketsAt } from '../rates/markets';
import { loadRates } from '../rates/rates.repository';
import type { Rate } from '../rates/rate-card.types';
import { decideCharge, localDay, type WebhookPricing } from '../pricing/pricing';
import { rateFor } from '../pricing/rate-lookup';
import { CANDIDATES_SQL, WRITE_SQL } from './charge.sql';
import { CREDIT_EXHAUSTED_CODE, CREDIT_EXHAUSTED_REASON } from '../billing.errors';

export interface DeliveryKey {
  tenantId: string;
  wamid: string;
}

interface Candidate {
  tenant_id: string;
  wamid: string;
  message_id: string;
  campaign_id: string;
  phone: string;
  occurred_at: Date | string;
  pricing: WebhookPricing;
  conversation: { id?: string; expiration_timestamp?: string; origin?: { type?: string } } | null;
  phone_number_id: string | null;
  timezone: string;
  markup_percent: string;
  waba_id: string | null;
}

export interface ChargeRow {
  source_ref: string;
  tenant_id: string;
  campaign_id: string;
  message_id: string;
  occurred_at: string;
  category: string;
  market: string | null;
  country_code: string | null;
  pricing_model: string;
  pricing_type: string | null;
  billable: boolean;
  base_rate: string;
  tiers: Rate['tiers'];
  markup: string;
  waba_id: string | null;
  month: string;
  reason: string | null;
  conversation_id: string | null;
  phone_number_id: string | null;
  origin_type: string | null;
  expires_at: string | null;
}

export interface ChargeResult {
  entries: number;
  total: string;
  conversations: number;
  /** Campaigns paused because their tenant ran out of credit. */
  paused: { campaignId: string; tenantId: string }[];
}

const EMPTY: ChargeResult = { entries: 0, total: '0', conversations: 0, paused: [] };

/** Markets of each day, resolved once per batch (a batch mostly shares one day). */
function marketsCache(rates: readonly Rate[]) {
  const byDay = new Map<string, ReturnType<typeof marketResolver>>();
  return (day: string, phone: string) => {
    let resolve = byDay.get(day);
    if (!resolve) byDay.set(day, (resolve = marketResolver(marketsAt(rates, day))));
    return resolve(phone);
  };
}

/** Pure: a candidate → the ledger row to write (rate before tiers and markup). */
export function chargeRow(c: Candidate, rates: readonly Rate[], markets = marketsCache(rates)): ChargeRow {
  const at = new Date(c.occurred_at);
  const day = localDay(at, c.timezone);
  const decision = decideCharge(c.pricing, day);
  const match = markets(day, c.phone);
  const rate = match
    ? rateFor(rates, {
        market: match.market,
        category: decision.category,
        pricingModel: decision.model,
        currency: 'USD',
        day,
      })
    : null;
  const unpriced = decision.billable && !rate;
  const conversationId = decision.model === 'CBP' ? (c.conversation?.id ?? null) : null;
  const expires = c.conversation?.expiration_timestamp;
  return {
    source_ref: conversationId ? `cbp:${conversationId}` : `pmp:${c.wamid}`,
    tenant_id: c.tenant_id,
    campaign_id: c.campaign_id,
    message_id: c.message_id,
    occurred_at: at.toISOString(),
    category: decision.category,
    market: match?.market ?? null,
    country_code: match?.code || null,
    pricing_model: decision.model,
    pricing_type: c.pricing.type ?? null,
    billable: decision.billable && !unpriced,
    base_rate: decision.billable && rate ? rate.rate : '0',
    tiers: decision.billable && rate ? rate.tiers : null,
    markup: c.markup_percent,
    waba_id: c.waba_id,
    month: day.slice(0, 7),
    reason: unpriced
      ? `no ${decision.model} rate for ${match?.market ?? 'an unknown market'} ${decision.category} on ${day}`
      : null,
    conversation_id: conversationId,
    phone_number_id: c.phone_number_id,
    origin_type: c.conversation?.origin?.type ?? null,
    expires_at: expires ? new Date(Number(expires) * 1000).toISOString() : null,
  };
}

/** Charges the delivered (or read) messages among `keys`; call inside the statuses' transaction. */
export async function chargeDeliveries(
  em: EntityManager,
  keys: readonly DeliveryKey[],
): Promise<ChargeResult> {
  if (keys.length === 0) return EMPTY;
  const candidates = await boundQuery<Candidate>(em, CANDIDATES_SQL, [
    JSON.stringify(keys.map((k) => ({ tenant_id: k.tenantId, wamid: k.wamid }))),
  ]);
  if (candidates.length === 0) return EMPTY;
  const latest = candidates.reduce((max, c) => Math.max(max, new Date(c.occurred_at).getTime()), 0);
  // Rates up to the day after the latest event cover every timezone's local day.
  const rates = await loadRates(em, { upTo: new Date(latest + 86_400_000).toISOString().slice(0, 10) });
  const markets = marketsCache(rates);
  const rows = candidates.map((c) => chargeRow(c, rates, markets));
  const [out] = await boundQuery<{
    entries: number;
    total: string;
    conversations: number;
    paused: ChargeResult['paused'];
  }>(em, WRITE_SQL, [JSON.stringify(rows), CREDIT_EXHAUSTED_CODE, CREDIT_EXHAUSTED_REASON]);
  return out ?? EMPTY;
}
