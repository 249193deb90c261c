import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { baseProperties } from './base';
import { Template } from './template.entity';
import { Tenant } from './tenant.entity';
import { WhatsappAccount } from './whatsapp-account.entity';

export const CAMPAIGN_STATUSES = [
  'DRAFT',
  'SCHEDULED',
  'RUNNING',
  'PAUSED',
  'COMPLETED',
  'CANCELLED',
  'FAILED',
] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const MESSAGE_STATUSES = [
  'PENDING',
  'QUEUED',
  'SENDING',
  'RETRY_WAIT',
  'ACCEPTED',
  'SENT',
  'DELIVERED',
  'READ',
  'FAILED',
  'SKIPPED',
] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** Where one template variable takes its value from. */
export type VariableSource =
  | { source: 'field'; field: 'name' | 'phone' }
  | { source: 'attribute'; key: string; fallback?: string }
  | { source: 'constant'; value: string };
/** Keyed by `header.1`, `body.1`, `body.first_name`, `button.0.1` … (component, index or name). */
export type VariableMapping = Record<string, VariableSource>;

/**
 * A send of one APPROVED template from one number to the recipients of lists (and tags).
 * Counters hold how many messages are *currently* in each status; they change in the same
 * transaction as the messages, so they always equal a recount.
 */
export const Campaign = defineEntity({
  name: 'Campaign',
  tableName: 'campaigns',
  indexes: [{ properties: ['tenant', 'createdAt'] }, { properties: ['status', 'scheduledAt'] }],
  properties: {
    ...baseProperties,
    tenant: () => p.manyToOne(Tenant).deleteRule('cascade'),
    name: p.string().length(200),
    account: () => p.manyToOne(WhatsappAccount).deleteRule('restrict'),
    template: () => p.manyToOne(Template).deleteRule('restrict'),
    listIds: p.json<string[]>().defaultRaw(`'[]'`),
    /** Recipients must carry every one of these tags. */
    tagFilter: p.json<string[]>().defaultRaw(`'[]'`),
    variableMapping: p.json<VariableMapping>().defaultRaw(`'{}'`),
    status: p.enum([...CAMPAIGN_STATUSES]).default('DRAFT'),
    /** Why it is PAUSED, FAILED or waiting, in words the tenant sees; `statusCode` is stable for code. */
    statusReason: p.text().nullable(),
    statusCode: p.string().length(64).nullable(),
    scheduledAt: p.datetime().nullable(),
    startedAt: p.datetime().nullable(),
    completedAt: p.datetime().nullable(),
    createdBy: p.uuid().nullable(),
    /** Template category at start (marketing decides US filtering and suppression scope). */
    category: p.string().length(32).nullable(),
    total: p.integer().default(0),
    pending: p.integer().default(0),
    queued: p.integer().default(0),
    sending: p.integer().default(0),
    retryWait: p.integer().default(0),
    accepted: p.integer().default(0),
    sent: p.integer().default(0),
    delivered: p.integer().default(0),
    read: p.integer().default(0),
    failed: p.integer().default(0),
    skipped: p.integer().default(0),
    estimatedCost: p.decimal('string').precision(14).scale(6).nullable(),
    /** Sum of the campaign's ledger charges (tenant price), kept live by @dbulk/domain-billing. */
    actualCost: p.decimal('string').precision(14).scale(6).default('0'),
  },
});
export type Campaign = InferEntity<typeof Campaign>;

/**
 * One recipient of a campaign. Created set-wise at start; the sender claims rows with a
 * compare-and-set on `status`; webhooks move them forward by rank.
 */
export const CampaignMessage = defineEntity({
  name: 'CampaignMessage',
  tableName: 'campaign_messages',
  // wamid and accepted_at are null until Meta accepts a message: partial indexes keep a
  // 100,000-row campaign start from writing 200,000 index entries for nulls.
  uniques: [
    { properties: ['campaign', 'phone'] },
    {
      name: 'campaign_messages_wamid_unique',
      expression: `create unique index "campaign_messages_wamid_unique" on "campaign_messages" ("wamid") where "wamid" is not null`,
    },
  ],
  indexes: [
    // Pages of one campaign's messages go by id, with or without a status filter (the message
    // table, exports, the planner's next PENDING rows): both read in index order, no sort.
    { properties: ['campaign', 'status', 'id'] },
    { properties: ['campaign', 'id'] },
    {
      name: 'campaign_messages_tenant_id_accepted_at_index',
      expression: `create index "campaign_messages_tenant_id_accepted_at_index" on "campaign_messages" ("tenant_id", "accepted_at") where "accepted_at" is not null`,
    },
    {
      name: 'campaign_messages_retry_due',
      expression: `create index "campaign_messages_retry_due" on "campaign_messages" ("next_attempt_at") where "status" = 'RETRY_WAIT'`,
    },
  ],
  properties: {
    id: p.bigint('string').primary().autoincrement(),
    tenantId: p.uuid(),
    campaign: () => p.manyToOne(Campaign).deleteRule('cascade'),
    /**
     * The contact this row was made from. No foreign key on purpose: a 100k-row start would pay a
     * per-row trigger for it, deleting a contact would scan every campaign's messages, and the
     * row keeps its own phone and variables anyway.
     */
    contactId: p.uuid().nullable(),
    phone: p.string().length(20),
    /** Rendered parameter values per variable key, fixed at start. */
    variables: p.json<Record<string, string>>().defaultRaw(`'{}'`),
    status: p.enum([...MESSAGE_STATUSES]).default('PENDING'),
    wamid: p.string().length(200).nullable(),
    attempts: p.integer().default(0),
    nextAttemptAt: p.datetime().nullable(),
    errorCode: p.integer().nullable(),
    errorTitle: p.text().nullable(),
    /** Why SKIPPED (opted_out, suppressed, invalid, duplicate, us_marketing, over_limit) or why held for review. */
    reason: p.string().length(64).nullable(),
    /** True when a send's outcome is unknown (timeout after the request left, crash mid-send): never resent automatically. */
    needsReview: p.boolean().default(false),
    queuedAt: p.datetime().nullable(),
    sendingAt: p.datetime().nullable(),
    acceptedAt: p.datetime().nullable(),
    sentAt: p.datetime().nullable(),
    deliveredAt: p.datetime().nullable(),
    readAt: p.datetime().nullable(),
    failedAt: p.datetime().nullable(),
    cost: p.decimal('string').precision(12).scale(6).nullable(),
    createdAt: p.datetime().defaultRaw('now()'),
    updatedAt: p.datetime().defaultRaw('now()'),
  },
});
export type CampaignMessage = InferEntity<typeof CampaignMessage>;

/** The adaptive send rate of one phone number; survives sender restarts. */
export const SendRate = defineEntity({
  name: 'SendRate',
  tableName: 'send_rates',
  properties: {
    phoneNumberId: p.string().length(32).primary(),
    /** Messages per second the limiter allows now (AIMD). */
    rate: p.double().default(80),
    /** An admin's ceiling; the limiter never goes above it. */
    ceiling: p.double().nullable(),
    lastThrottledAt: p.datetime().nullable(),
    updatedAt: p.datetime().defaultRaw('now()'),
  },
});
export type SendRate = InferEntity<typeof SendRate>;
