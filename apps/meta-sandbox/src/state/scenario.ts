/**
 * The knobs a test or a demo turns with `PUT /_sandbox/scenario` (a deep partial: objects merge
 * one level down, arrays replace). `POST /_sandbox/reset` restores the defaults built from env.
 */
import { z } from 'zod';

export const TIER_LIMITS = {
  TIER_50: 50,
  TIER_250: 250,
  TIER_1K: 1_000,
  TIER_2K: 2_000,
  TIER_10K: 10_000,
  TIER_100K: 100_000,
  TIER_UNLIMITED: Number.POSITIVE_INFINITY,
} as const;
export type Tier = keyof typeof TIER_LIMITS;
export const TierSchema = z.enum(Object.keys(TIER_LIMITS) as [Tier, ...Tier[]]);

export const THROUGHPUT_LEVELS = ['STANDARD', 'HIGH', 'COEXISTENCE'] as const;
export type ThroughputLevel = (typeof THROUGHPUT_LEVELS)[number];

export const TEMPLATE_REASONS = ['ABUSIVE_CONTENT', 'INCORRECT_CATEGORY', 'INVALID_FORMAT', 'PROMOTIONAL', 'SCAM', 'TAG_CONTENT_MISMATCH'] as const;

const ms = z.number().int().min(0);
const rate = z.number().min(0).max(1);

export const ScenarioSchema = z.object({
  /** Where webhooks go; null records them as undelivered. */
  webhookUrl: z.url().nullable(),
  delays: z.object({ sentMs: ms, deliveredMs: ms, readMs: ms.nullable() }),
  /** Share of webhook POSTs delivered twice (same bytes, same signature). */
  duplicateRate: rate,
  duplicateDelayMs: ms,
  /** Share of delivered messages whose `delivered` webhook is posted before their `sent`. */
  outOfOrderRate: rate,
  outOfOrderLagMs: ms,
  /** windowMs > 0 gathers the updates of that window into one POST (at most maxUpdates). */
  batch: z.object({ windowMs: ms, maxUpdates: z.number().int().min(1).max(1000) }),
  /** Meta retries a failed delivery "immediately, then with decreasing frequency"; bounded here. */
  retry: z.object({ maxAttempts: z.number().int().min(1).max(20), initialDelayMs: ms, factor: z.number().min(1).max(10), timeoutMs: z.number().int().min(100) }),
  pricingModel: z.enum(['PMP', 'CBP']),
  throughputMps: z.object({ STANDARD: z.number().positive(), HIGH: z.number().positive(), COEXISTENCE: z.number().positive() }),
  /** null turns the pair rate limit off. */
  pairLimit: z.object({ intervalMs: z.number().int().min(1), burst: z.number().int().min(1), burstWindowMs: ms }).nullable(),
  /** Overrides every portfolio's messaging limit; null uses each portfolio's own tier. */
  messagingLimitTier: TierSchema.nullable(),
  /** Template text containing a phrase → REJECTED with that reason at review. */
  policyWords: z.array(z.object({ phrase: z.string().min(1), reason: z.enum(TEMPLATE_REASONS) })),
  /** A UTILITY template containing one of these is approved as MARKETING. */
  marketingWords: z.array(z.string().min(1)),
  /** Recipients starting with one of these are not on WhatsApp (131026). */
  nonWhatsAppPrefixes: z.array(z.string().regex(/^\d+$/)),
  approvalDelayMs: ms,
  templateCreatesPerHour: z.number().int().min(1),
});
export type Scenario = z.infer<typeof ScenarioSchema>;

const nested = ['delays', 'batch', 'retry', 'throughputMps', 'pairLimit'] as const;

/** Every top-level key optional, and the nested objects partial too. */
export const ScenarioPatchSchema = ScenarioSchema.extend({
  delays: ScenarioSchema.shape.delays.partial(),
  batch: ScenarioSchema.shape.batch.partial(),
  retry: ScenarioSchema.shape.retry.partial(),
  throughputMps: ScenarioSchema.shape.throughputMps.partial(),
  pairLimit: ScenarioSchema.shape.pairLimit.unwrap().partial().nullable(),
})
  .partial()
  .strict();
export type ScenarioPatch = z.infer<typeof ScenarioPatchSchema>;

export function applyScenarioPatch(current: Scenario, patch: ScenarioPatch): Scenario {
  const next: Record<string, unknown> = { ...current, ...patch };
  for (const key of nested) {
    const value = patch[key];
    if (value && current[key]) next[key] = { ...current[key], ...value };
  }
  return ScenarioSchema.parse(next);
}

export const DEFAULT_POLICY_WORDS: Scenario['policyWords'] = [
  { phrase: 'guaranteed winner', reason: 'SCAM' },
  { phrase: 'claim your prize', reason: 'SCAM' },
  { phrase: 'free money', reason: 'PROMOTIONAL' },
];

export const DEFAULT_MARKETING_WORDS = ['% off', 'discount', 'sale', 'promo', 'offer', 'deal', 'coupon', 'limited time', 'buy now'];

export function defaultScenario(overrides: Partial<Scenario> = {}): Scenario {
  return ScenarioSchema.parse({
    webhookUrl: null,
    delays: { sentMs: 300, deliveredMs: 800, readMs: 2_000 },
    duplicateRate: 0,
    duplicateDelayMs: 50,
    outOfOrderRate: 0,
    outOfOrderLagMs: 100,
    batch: { windowMs: 0, maxUpdates: 1000 },
    retry: { maxAttempts: 6, initialDelayMs: 1_000, factor: 3, timeoutMs: 5_000 },
    pricingModel: 'PMP',
    throughputMps: { STANDARD: 80, HIGH: 1_000, COEXISTENCE: 20 },
    pairLimit: { intervalMs: 6_000, burst: 45, burstWindowMs: 6_000 },
    messagingLimitTier: null,
    policyWords: DEFAULT_POLICY_WORDS,
    marketingWords: DEFAULT_MARKETING_WORDS,
    nonWhatsAppPrefixes: ['155599'],
    approvalDelayMs: 2_000,
    templateCreatesPerHour: 100,
    ...overrides,
  });
}
