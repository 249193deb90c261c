/**
 * @dbulk/meta: everything dbulk knows about Meta's WhatsApp Cloud API — the Graph client, error
 * classification, webhook schemas and parsing, signatures and Meta's constants.
 */
export * from './signature';
export * from './constants';
export {
  classifyMetaError,
  isRetryLater,
  META_ERROR_CLASSES,
  pairBackoffMs,
  type ClassifyOptions,
  type MetaErrorClass,
  type MetaErrorClassification,
  type MetaErrorScope,
} from './errors';
export { META_ERROR_TABLE } from './error-table';
export { classifyTransportError, type TransportContext } from './transport-errors';
export { isMetaApiError, MetaApiError, MetaErrorBody, type MetaApiErrorInit } from './meta-api-error';
export { GraphClient, graphClientOptionsFromEnv, type GraphClientOptions, type ListTemplatesOptions } from './graph-client';
export type { GraphLogger, GraphTransportOptions } from './graph-transport';
export * from './graph.schema';
export * from './webhooks/common.schema';
export * from './webhooks/status.schema';
export * from './webhooks/inbound.schema';
export * from './webhooks/template.schema';
export * from './webhooks/account.schema';
export { canonicalJson, sha256Hex, WebhookEnvelope, WebhookEntry, WebhookChangeRaw } from './webhooks/envelope.schema';
export type { ChangeBase, ParsedWebhook, WebhookChange, WebhookChangeKind } from './webhooks/webhook-change';
export { parseWebhook, WebhookParseError } from './webhooks/parse-webhook';
