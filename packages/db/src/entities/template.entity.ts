import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { baseProperties } from './base';
import { Tenant } from './tenant.entity';
import { WhatsappAccount } from './whatsapp-account.entity';

export const TEMPLATE_STATUSES = [
  'DRAFT',
  'PENDING',
  'APPROVED',
  'REJECTED',
  'PAUSED',
  'DISABLED',
  'IN_APPEAL',
  'PENDING_DELETION',
  'DELETED',
  'ARCHIVED',
  'LIMIT_EXCEEDED',
] as const;
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number];
export const TEMPLATE_CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION'] as const;
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number];

/** A message template of a tenant's WABA, in Meta's component JSON; one row per name + language. */
export const Template = defineEntity({
  name: 'Template',
  tableName: 'templates',
  uniques: [{ properties: ['tenant', 'wabaId', 'name', 'language'] }],
  indexes: [{ properties: ['tenant', 'status'] }, { properties: ['metaTemplateId'] }],
  properties: {
    ...baseProperties,
    tenant: () => p.manyToOne(Tenant).deleteRule('cascade'),
    account: () => p.manyToOne(WhatsappAccount).deleteRule('set null').nullable(),
    wabaId: p.string().length(32),
    name: p.string().length(512),
    language: p.string().length(16),
    /** The category Meta assigned (it may differ from the one requested). */
    category: p.enum([...TEMPLATE_CATEGORIES]),
    requestedCategory: p.enum([...TEMPLATE_CATEGORIES]).nullable(),
    parameterFormat: p.enum(['POSITIONAL', 'NAMED']).default('POSITIONAL'),
    components: p.json<Record<string, unknown>[]>(),
    status: p.enum([...TEMPLATE_STATUSES]).default('DRAFT'),
    metaTemplateId: p.string().length(32).nullable(),
    rejectionReason: p.text().nullable(),
    qualityScore: p.string().length(16).nullable(),
    version: p.integer().default(1),
    submittedAt: p.datetime().nullable(),
    statusChangedAt: p.datetime().nullable(),
    lastSyncedAt: p.datetime().nullable(),
  },
});
export type Template = InferEntity<typeof Template>;

/** Every submitted version and every status change of a template, newest last. */
export const TemplateVersion = defineEntity({
  name: 'TemplateVersion',
  tableName: 'template_versions',
  indexes: [{ properties: ['template', 'createdAt'] }],
  properties: {
    id: p.bigint('string').primary().autoincrement(),
    tenant: () => p.manyToOne(Tenant).deleteRule('cascade'),
    template: () => p.manyToOne(Template).deleteRule('cascade'),
    version: p.integer(),
    event: p.string().length(40),
    status: p.enum([...TEMPLATE_STATUSES]),
    category: p.enum([...TEMPLATE_CATEGORIES]),
    components: p.json<Record<string, unknown>[]>().nullable(),
    reason: p.text().nullable(),
    actorUserId: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type TemplateVersion = InferEntity<typeof TemplateVersion>;
