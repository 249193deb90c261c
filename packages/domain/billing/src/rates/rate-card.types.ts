/** Shapes shared by the rate-card parser, the pure pricing rules and the services. */
import type { PricingCategory, PricingModel, RateTier, StagedRate } from '@dbulk/db';

export type { PricingCategory, PricingModel, RateTier, StagedRate };

/** A parsed CSV row; `effectiveFrom` only when the CSV has that column. */
export interface ParsedRate extends StagedRate {
  currency: string;
  effectiveFrom: string | null;
  /** 1-based line in the CSV, for messages. */
  line: number;
}

export interface RateCardError {
  line: number;
  field: string;
  message: string;
}

/** A pricing_rates row as the pure rules see it (dates as YYYY-MM-DD). */
export interface Rate {
  market: string;
  countryCodes: string[];
  category: string;
  currency: string;
  pricingModel: string;
  rate: string;
  tiers: RateTier[] | null;
  effectiveFrom: string;
}
