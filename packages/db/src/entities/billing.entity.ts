import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { baseProperties } from './base';
import { Campaign } from './campaign.entity';

export const PRICING_CATEGORIES = [
  'marketing',
  'utility',
  'authentication',
  'authentication_international',
  'service',
] as const;
export type PricingCategory = (typeof PRICING_CATEGORIES)[number];
export const PRICING_MODELS = ['CBP', 'PMP'] as const;
export type PricingModel = (typeof PRICING_MODELS)[number];
export const RATE_CARD_SOURCES = ['seed', 'upload'] as const;
export const RATE_CARD_STATUSES = ['staged', 'applied'] as const;
export const LEDGER_KINDS = ['charge', 'adjustment'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** One volume tier: from the `fromCount`-th charged message of the month on, `rate` applies. */
export interface RateTier {
  fromCount: number;
  rate: string;
}

/** A validated row of an uploaded card, kept on the staged card until it is applied. */
export interface StagedRate {
  market: string;
  countryCodes: string[];
  category: PricingCategory;
  pricingModel: PricingModel;
  rate: string;
  tiers: RateTier[] | null;
}

/**
 * A rate card: the seed, or a CSV an admin uploaded. Uploads are `staged` (their validated rows
 * in `rows`), shown as a diff against the card in force, then `applied` into `pricing_rates`.
 */
export const RateCard = defineEntity({
  name: 'RateCard',
  tableName: 'rate_cards',
  indexes: [{ properties: ['status', 'effectiveFrom'] }],
  properties: {
    ...baseProperties,
    effectiveFrom: p.date(),
    currency: p.string().length(3).default('USD'),
    source: p.enum([...RATE_CARD_SOURCES]),
    status: p.enum([...RATE_CARD_STATUSES]).default('staged'),
    rowCount: p.integer().default(0),
    rows: p.json<StagedRate[]>().nullable(),
    note: p.text().nullable(),
    uploadedBy: p.uuid().nullable(),
    appliedAt: p.datetime().nullable(),
  },
});
export type RateCard = InferEntity<typeof RateCard>;

/**
 * Meta's price for one market × category from a date on. A card may list only what changed:
 * the rate in force is the latest row on or before the date (see @dbulk/domain-billing).
 */
export const PricingRate = defineEntity({
  name: 'PricingRate',
  tableName: 'pricing_rates',
  uniques: [{ properties: ['market', 'category', 'currency', 'pricingModel', 'effectiveFrom'] }],
  indexes: [{ properties: ['effectiveFrom'] }],
  properties: {
    ...baseProperties,
    market: p.string().length(64),
    /** Calling-code prefixes, digits only: ["44"], ["1809","1829"], [] for "Other". */
    countryCodes: p.json<string[]>().defaultRaw(`'[]'`),
    category: p.string().length(40),
    currency: p.string().length(3).default('USD'),
    pricingModel: p.string().length(3).default('PMP'),
    rate: p.decimal('string').precision(12).scale(6),
    tiers: p.json<RateTier[]>().nullable(),
    effectiveFrom: p.date(),
    rateCard: () => p.manyToOne(RateCard).nullable().deleteRule('set null'),
  },
});
export type PricingRate = InferEntity<typeof PricingRate>;

/** A conversation Meta opened under conversation-based pricing; one debit each when billable. */
export const Conversation = defineEntity({
  name: 'Conversation',
  tableName: 'conversations',
  uniques: [{ properties: ['tenantId', 'conversationId'] }],
  properties: {
    id: p.bigint('string').primary().autoincrement(),
    tenantId: p.uuid(),
    conversationId: p.string().length(200),
    phoneNumberId: p.string().length(32).nullable(),
    category: p.string().length(40).nullable(),
    originType: p.string().length(40).nullable(),
    expiresAt: p.datetime().nullable(),
    billable: p.boolean().default(true),
    openedAt: p.datetime(),
    createdAt: p.datetime().defaultRaw('now()'),
  },
});
export type Conversation = InferEntity<typeof Conversation>;

/**
 * Money moving on a tenant's account: charges (debits, negative) from webhooks and admin
 * adjustments (either sign). `source_ref` is unique, so a replayed webhook never charges twice;
 * `balance_after` is the running balance (entries of one tenant are written serially).
 */
export const LedgerEntry = defineEntity({
  name: 'LedgerEntry',
  tableName: 'ledger_entries',
  indexes: [{ properties: ['tenantId', 'occurredAt'] }, { properties: ['tenantId', 'campaignId'] }],
  properties: {
    id: p.bigint('string').primary().autoincrement(),
    tenantId: p.uuid(),
    kind: p.enum([...LEDGER_KINDS]),
    /** Signed, debits negative, tenant's price (Meta's rate plus markup). */
    amount: p.decimal('string').precision(14).scale(6),
    /** Meta's price before markup (negative for a charge), for margin. */
    metaCost: p.decimal('string').precision(14).scale(6).default('0'),
    currency: p.string().length(3).default('USD'),
    category: p.string().length(40).nullable(),
    market: p.string().length(64).nullable(),
    /** The calling-code prefix that chose the market ("44", "1809"). */
    countryCode: p.string().length(8).nullable(),
    pricingModel: p.string().length(3).nullable(),
    /** Meta's pricing.type: regular, free_customer_service, free_entry_point… */
    pricingType: p.string().length(40).nullable(),
    campaignId: p.uuid().nullable(),
    messageId: p.bigint('string').nullable(),
    sourceRef: p.string().length(200).unique(),
    balanceAfter: p.decimal('string').precision(14).scale(6),
    reason: p.text().nullable(),
    createdBy: p.uuid().nullable(),
    occurredAt: p.datetime(),
    createdAt: p.datetime().defaultRaw('now()'),
  },
});
export type LedgerEntry = InferEntity<typeof LedgerEntry>;

/** The running balance per tenant; its row lock serialises a tenant's ledger writes. */
export const TenantBalance = defineEntity({
  name: 'TenantBalance',
  tableName: 'tenant_balances',
  properties: {
    tenantId: p.uuid().primary(),
    balance: p.decimal('string').precision(14).scale(6).default('0'),
    updatedAt: p.datetime().defaultRaw('now()'),
  },
});
export type TenantBalance = InferEntity<typeof TenantBalance>;

/** A campaign's quote held against its tenant's credit; charges consume it, the end releases the rest. */
export const CreditHold = defineEntity({
  name: 'CreditHold',
  tableName: 'credit_holds',
  indexes: [{ properties: ['tenantId', 'releasedAt'] }],
  properties: {
    ...baseProperties,
    tenantId: p.uuid(),
    campaign: () => p.manyToOne(Campaign).unique().deleteRule('cascade'),
    amount: p.decimal('string').precision(14).scale(6),
    consumed: p.decimal('string').precision(14).scale(6).default('0'),
    releasedAt: p.datetime().nullable(),
    /** The admin who let the campaign start above the available credit, and why (audited too). */
    overrideBy: p.uuid().nullable(),
    overrideReason: p.text().nullable(),
  },
});
export type CreditHold = InferEntity<typeof CreditHold>;

/** Charged messages per portfolio (WABA) × month (WABA timezone) × market × category, for volume tiers. */
export const BillingVolume = defineEntity({
  name: 'BillingVolume',
  tableName: 'billing_volumes',
  properties: {
    wabaId: p.string().length(32).primary(),
    month: p.string().length(7).primary(),
    market: p.string().length(64).primary(),
    category: p.string().length(40).primary(),
    count: p.integer().default(0),
    updatedAt: p.datetime().defaultRaw('now()'),
  },
});
export type BillingVolume = InferEntity<typeof BillingVolume>;
