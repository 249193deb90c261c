/**
 * What the billing reports return. Amounts are numbers in the ledger's currency (USD), rounded
 * to the ledger's 6 decimals; spend is positive (the ledger stores debits negative). Meta's own
 * cost and the margin are platform figures: tenant DTOs never carry them.
 */

export interface SpendByDayDto {
  day: string;
  category: string;
  amount: number;
  count: number;
}

export interface SpendByKeyDto {
  /** The category or market name (`unknown` when the entry has none). */
  key: string;
  amount: number;
  count: number;
}

export interface SpendByCampaignDto {
  campaignId: string;
  campaignName: string;
  amount: number;
  count: number;
}

export interface SpendReportDto {
  from: string;
  to: string;
  timeZone: string;
  currency: string;
  total: number;
  byDay: SpendByDayDto[];
  byCategory: SpendByKeyDto[];
  byMarket: SpendByKeyDto[];
  topCampaigns: SpendByCampaignDto[];
}

export interface LedgerEntryDto {
  id: string;
  kind: string;
  /** Signed: debits negative, credits positive. */
  amount: number;
  currency: string;
  category: string | null;
  market: string | null;
  pricingModel: string | null;
  campaignId: string | null;
  campaignName: string | null;
  reason: string | null;
  balanceAfter: number | null;
  occurredAt: string;
}

export interface LedgerPageDto {
  items: LedgerEntryDto[];
  nextCursor: string | null;
}

export interface TenantMarginDto {
  tenantId: string;
  tenantName: string;
  /** What the tenant was charged in the period (markup included). */
  billed: number;
  /** What Meta charges for the same entries. */
  metaCost: number;
  /** billed − metaCost. */
  margin: number;
  /** margin ÷ billed, null without billing. */
  marginRate: number | null;
  charges: number;
  /** null: no credit control (campaigns are not refused for credit). */
  creditLimit: number | null;
  balance: number;
}

export interface MarginReportDto {
  from: string;
  to: string;
  currency: string;
  totals: { billed: number; metaCost: number; margin: number };
  tenants: TenantMarginDto[];
  /** More tenants matched than one report lists (MARGIN_MAX_TENANTS); narrow by search. */
  truncated: boolean;
}

/** pg returns numeric as strings; 6 decimals is the ledger's scale. */
export const money = (value: string | number | null | undefined): number =>
  Math.round(Number(value ?? 0) * 1e6) / 1e6;
