/**
 * @dbulk/domain-webhooks: what Meta's webhooks change in dbulk. The processor app feeds it
 * Kafka records; everything it decides and writes lives here.
 */
export * from './webhooks.dto';
export { parseWebhookInput, processWebhooks, recordUnparseable, groupByChanges, type ProcessOptions, type ParseResult } from './webhooks.service';
export { isTransientError, messageOf, WebhooksErrors } from './webhooks.errors';
export { planUnroutableReplays, type UnroutableReplay } from './replay.service';
export { pruneWebhookEvents, retentionCutoff, MIN_RETENTION_DAYS } from './retention.service';
export { storedDedupeKey } from './dedupe';
export { envelopeOf, kindLabel, storedPayload, type StoredChangePayload } from './change-record';
export { routeChange, buildRoutingIndex, type LiveAccount, type Route } from './routing';
export { getOptOutSettings, setOptOutKeywords, MAX_KEYWORDS, MAX_KEYWORD_LENGTH, type OptOutSettingsDto } from './opt-out-settings.service';
export { DEFAULT_OPT_OUT_KEYWORDS, OPT_IN_KEYWORDS, decideOptOut, keywordSet, normalizeKeyword } from './opt-out-keywords';
