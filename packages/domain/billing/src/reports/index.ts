// The read side of billing (spend, ledger, margin, campaign cost), exported through the package index.
export * from './reports.dto';
export { checkPeriod, daysOf, MAX_PERIOD_DAYS, type Period } from './period';
export { spendReport, spendByDay, spendByCampaign } from './spend.report';
export { ledgerPage, exportLedgerCsv, LEDGER_EXPORT_PAGE_ROWS, type LedgerFilter } from './ledger.report';
export { marginReport, MARGIN_MAX_TENANTS, type MarginQuery } from './margin.report';
export { campaignCost, type CampaignCostDto } from './campaign-cost.report';
