/**
 * Pricing maths without I/O: the day and month of an instant in the WABA's timezone (rates and
 * volume tiers follow it), the tier a message falls in, markup, and which webhook pricing objects
 * are charged. Money is handled in millionths (the ledger's scale) so sums are exact.
 * @see /work/shared/meta/README.md §6.1, §6.2
 */
import type { RateTier } from '../rates/rate-card.types';

/** From this day Meta charges service (non-template) messages. */
export const SERVICE_CHARGED_FROM = '2026-10-01';

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** YYYY-MM-DD of `at` in `timeZone` (an unknown zone falls back to UTC). */
export function localDay(at: Date, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
    } catch {
      format = new Intl.DateTimeFormat('en-CA', {
        timeZone: 'UTC',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
    }
    dayFormats.set(timeZone, format);
  }
  return format.format(at);
}

export const toMicros = (amount: string | number): number => Math.round(Number(amount) * 1e6);
export const fromMicros = (micros: number): string => (micros / 1e6).toFixed(6);

/** The rate of the `position`-th charged message of the month (1-based). */
export function tierRate(base: string, tiers: readonly RateTier[] | null, position: number): string {
  let rate = base;
  for (const t of tiers ?? []) if (t.fromCount <= position) rate = t.rate;
  return rate;
}

/** Meta's price plus the tenant's markup percent, rounded to millionths. */
export function withMarkup(metaRate: string, markupPercent: string | number): string {
  return fromMicros(Math.round((toMicros(metaRate) * (100 + Number(markupPercent))) / 100));
}

export interface WebhookPricing {
  billable?: boolean;
  pricing_model?: string;
  type?: string;
  category?: string;
}

export interface ChargeDecision {
  model: 'CBP' | 'PMP';
  billable: boolean;
  /** The category Meta reports, normalised (authentication-international → authentication_international). */
  category: string;
  pricingType: string | null;
}

const FREE_TYPES = new Set(['free_customer_service', 'free_entry_point']);

export const normalCategory = (raw: string | undefined) =>
  (raw ?? 'unknown').trim().toLowerCase().replace(/[-\s]/g, '_');

/** Whether a delivered message's pricing object is charged, and how. */
export function decideCharge(pricing: WebhookPricing, day: string): ChargeDecision {
  const model = (pricing.pricing_model ?? 'PMP').toUpperCase() === 'CBP' ? 'CBP' : 'PMP';
  const category = normalCategory(pricing.category);
  const pricingType = pricing.type ?? null;
  let billable =
    pricing.billable === true && !FREE_TYPES.has(pricingType ?? '') && category !== 'referral_conversion';
  if (category === 'service' && day < SERVICE_CHARGED_FROM) billable = false;
  return { model, billable, category, pricingType };
}
