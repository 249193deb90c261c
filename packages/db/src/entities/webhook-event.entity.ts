import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const WEBHOOK_OUTCOMES = ['applied', 'duplicate', 'ignored', 'unroutable', 'failed'] as const;
export type WebhookOutcome = (typeof WEBHOOK_OUTCOMES)[number];

/**
 * Every change of every webhook received, keyed by a dedupe key that is unique for at least
 * as long as Meta redelivers (7 days; rows are kept 30). A duplicate delivery finds the key
 * and changes nothing.
 */
export const WebhookEvent = defineEntity({
  name: 'WebhookEvent',
  tableName: 'webhook_events',
  indexes: [{ properties: ['receivedAt'] }, { properties: ['tenantId', 'receivedAt'] }],
  properties: {
    id: p.bigint('string').primary().autoincrement(),
    dedupeKey: p.string().length(300).unique(),
    tenantId: p.uuid().nullable(),
    wabaId: p.string().length(32).nullable(),
    phoneNumberId: p.string().length(32).nullable(),
    field: p.string().length(64),
    /** e.g. status.delivered, inbound.text, template.APPROVED */
    kind: p.string().length(64),
    payload: p.json<Record<string, unknown>>(),
    receivedAt: p.datetime(),
    processedAt: p.datetime().nullable(),
    outcome: p.enum([...WEBHOOK_OUTCOMES]).nullable(),
    error: p.text().nullable(),
    /** Kafka coordinates, for tracing a row back to the record. */
    source: p.string().length(100).nullable(),
  },
});
export type WebhookEvent = InferEntity<typeof WebhookEvent>;
