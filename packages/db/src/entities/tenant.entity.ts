import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { baseProperties, TENANT_STATUSES } from './base';

export const Tenant = defineEntity({
  name: 'Tenant',
  tableName: 'tenants',
  properties: {
    ...baseProperties,
    name: p.string().length(120),
    status: p.enum([...TENANT_STATUSES]).default('active'),
    /** The per-tenant brake admins (and billing) pull; the sender checks it before every batch. */
    sendingEnabled: p.boolean().default(true),
    /**
     * Credit the tenant may spend below a zero balance, in USD; null = no credit control (postpaid,
     * and every tenant until an admin sets a limit), so campaigns are quoted but never refused.
     */
    creditLimit: p.decimal('string').precision(14).scale(4).nullable(),
    /** Percent added to Meta's rate, e.g. 15.000 = +15 %. */
    markupPercent: p.decimal('string').precision(7).scale(3).default('0'),
    timezone: p.string().length(64).default('UTC'),
    /** ISO 3166 alpha-2 used to read phone numbers written without a country code. */
    defaultCountry: p.string().length(2).default('US'),
    /** Inbound words that opt a contact out; null means the multilingual defaults. */
    optOutKeywords: p.json<string[]>().nullable(),
  },
});
export type Tenant = InferEntity<typeof Tenant>;
