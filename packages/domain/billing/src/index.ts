export * from './billing.errors';
export * from './rates/rate-card.types';
export { parseRateCard, parseCountryCodes, parseTiers } from './rates/rate-card.parser';
export {
  marketsAt,
  resolveMarket,
  marketResolver,
  digitsOf,
  type MarketCodes,
  type MarketMatch,
} from './rates/markets';
export { loadRates, upsertRates } from './rates/rates.repository';
export * from './rates/rate-card.service';
export * from './rates/rate-card-diff';
export { seedRateCard, readShippedCard, SHIPPED_CARD_URL, type SeedResult } from './rates/shipped-card';
export * from './pricing/pricing';
export { rateFor, type RateQuery } from './pricing/rate-lookup';
export * from './pricing/quote';
export * from './ledger/balance';
export * from './ledger/ledger.service';
export * from './ledger/holds.service';
export {
  chargeDeliveries,
  chargeRow,
  type ChargeResult,
  type ChargeRow,
  type DeliveryKey,
} from './charging/charge-statuses';
export * from './reports/index';
