/** Webhook statuses → campaign messages (see apply-statuses.ts and status-rank.ts). */
export { applyStatuses } from './apply-statuses';
export { applyParkedStatuses, sweepParkedStatuses, type SweepOptions } from './parked-statuses';
export { callbackDataFor, messageIdOfCallback } from './callback-data';
export { currentRank, isWebhookStatus, resolveStatus, WEBHOOK_RANK, WEBHOOK_STATUSES, type WebhookStatus } from './status-rank';
export { latestPerCampaign, snapshotOf, COUNTED_JSON, type CountedRow } from './progress-row';
export type { ApplyStatusesResult, StatusEvent } from './status.types';
