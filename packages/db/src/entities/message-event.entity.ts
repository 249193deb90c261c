import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * Status history and inbound messages per wamid. A status whose wamid is not yet known to a
 * campaign message stays with `appliedAt` null (parked) until the campaign engine applies it.
 */
export const MessageEvent = defineEntity({
  name: 'MessageEvent',
  tableName: 'message_events',
  uniques: [{ properties: ['wamid', 'kind', 'status'] }],
  indexes: [{ properties: ['tenantId', 'occurredAt'] }, { properties: ['appliedAt', 'kind'] }],
  properties: {
    id: p.bigint('string').primary().autoincrement(),
    tenantId: p.uuid().nullable(),
    phoneNumberId: p.string().length(32).nullable(),
    wamid: p.string().length(200),
    /** `status` (sent/delivered/read/failed…) or `inbound` (a user's message). */
    kind: p.enum(['status', 'inbound']),
    status: p.string().length(32),
    /** Sender or recipient: phone digits as Meta sends them (wa_id), or null when only a BSUID came. */
    waId: p.string().length(32).nullable(),
    bsuid: p.string().length(64).nullable(),
    occurredAt: p.datetime(),
    errorCode: p.integer().nullable(),
    errorTitle: p.text().nullable(),
    pricing: p.json<Record<string, unknown>>().nullable(),
    conversation: p.json<Record<string, unknown>>().nullable(),
    payload: p.json<Record<string, unknown>>(),
    appliedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type MessageEvent = InferEntity<typeof MessageEvent>;
