import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { baseProperties } from './base';
import { Tenant } from './tenant.entity';

/**
 * A tenant's recipient, keyed by E.164 phone (and, since 2026, Meta's business-scoped user id).
 * Bulk imports write this table with COPY and one merge statement, so every column has a
 * database default that matches the entity's.
 */
export const Contact = defineEntity({
  name: 'Contact',
  tableName: 'contacts',
  uniques: [{ properties: ['tenant', 'phone'] }],
  indexes: [
    { properties: ['tenant', 'createdAt'] },
    { properties: ['tenant', 'bsuid'] },
    {
      name: 'contacts_tags_gin',
      expression: 'create index "contacts_tags_gin" on "contacts" using gin ("tags")',
    },
  ],
  properties: {
    ...baseProperties,
    tenant: () => p.manyToOne(Tenant).deleteRule('cascade'),
    /** E.164, e.g. +4915112345678. */
    phone: p.string().length(20),
    bsuid: p.string().length(64).nullable(),
    name: p.string().length(200).nullable(),
    /** Custom attributes from imports and edits (string values; template variables read them). */
    attributes: p.json<Record<string, string>>().defaultRaw(`'{}'`),
    tags: p.array<string>().defaultRaw(`'{}'`),
    /** Where consent came from: `csv:<file>`, `manual`, `api`… */
    optInSource: p.string().length(200).nullable(),
    /** Set while the contact has opted out; kept (not deleted) so imports cannot resurrect them. */
    optedOutAt: p.datetime().nullable(),
  },
});
export type Contact = InferEntity<typeof Contact>;

export const ContactList = defineEntity({
  name: 'ContactList',
  tableName: 'contact_lists',
  uniques: [{ properties: ['tenant', 'name'] }],
  properties: {
    ...baseProperties,
    tenant: () => p.manyToOne(Tenant).deleteRule('cascade'),
    name: p.string().length(120),
    description: p.text().nullable(),
  },
});
export type ContactList = InferEntity<typeof ContactList>;

/** Membership of a contact in a list; `tenant_id` is repeated so every query can scope by it. */
export const ContactListMember = defineEntity({
  name: 'ContactListMember',
  tableName: 'contact_list_members',
  indexes: [{ properties: ['contact'] }],
  properties: {
    list: () => p.manyToOne(ContactList).primary().deleteRule('cascade'),
    contact: () => p.manyToOne(Contact).primary().deleteRule('cascade'),
    tenantId: p.uuid(),
    addedAt: p.datetime().defaultRaw('now()'),
  },
});
export type ContactListMember = InferEntity<typeof ContactListMember>;

export const CONTACT_IMPORT_STATUSES = ['RUNNING', 'COMPLETED', 'FAILED'] as const;
export type ContactImportStatus = (typeof CONTACT_IMPORT_STATUSES)[number];

/** One CSV upload: live progress while it runs, then its totals and the rejected rows with line and reason. */
export const ContactImport = defineEntity({
  name: 'ContactImport',
  tableName: 'contact_imports',
  indexes: [{ properties: ['tenant', 'createdAt'] }],
  properties: {
    ...baseProperties,
    tenant: () => p.manyToOne(Tenant).deleteRule('cascade'),
    list: () => p.manyToOne(ContactList).nullable().deleteRule('set null'),
    fileName: p.string().length(255),
    status: p.enum([...CONTACT_IMPORT_STATUSES]).default('RUNNING'),
    /** Data rows read so far (header excluded). */
    rowsRead: p.integer().default(0),
    bytesRead: p.bigint('number').default(0),
    bytesTotal: p.bigint('number').nullable(),
    created: p.integer().default(0),
    updated: p.integer().default(0),
    /** Rows whose phone appeared earlier in the same file (merged into the first). */
    duplicates: p.integer().default(0),
    rejected: p.integer().default(0),
    /** The first rejected rows: `{ line, reason, value }`; `rejected` counts them all. */
    errors: p.json<{ line: number; reason: string; value?: string }[]>().defaultRaw(`'[]'`),
    errorMessage: p.text().nullable(),
    createdBy: p.uuid().nullable(),
    finishedAt: p.datetime().nullable(),
  },
});
export type ContactImport = InferEntity<typeof ContactImport>;
