import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { baseProperties } from './base';
import { Tenant } from './tenant.entity';

export const SUPPRESSION_SCOPES = ['marketing', 'all'] as const;
export const SUPPRESSION_SOURCES = ['user_preferences', 'keyword', 'manual', 'meta_error'] as const;

/**
 * The tenant's do-not-message list: typed STOP, Meta's user_preferences, manual entries and
 * errors such as 131050. Keyed by E.164 phone and/or Meta's business-scoped user id.
 * Lifting (resume) keeps the row with `liftedAt` so the history stays.
 */
export const Suppression = defineEntity({
  name: 'Suppression',
  tableName: 'suppressions',
  indexes: [{ properties: ['tenant', 'phone'] }, { properties: ['tenant', 'bsuid'] }],
  // One active suppression per tenant, scope and key.
  uniques: [
    {
      name: 'suppressions_active_phone_unique',
      expression: `create unique index "suppressions_active_phone_unique" on "suppressions" ("tenant_id", "phone", "scope") where "lifted_at" is null and "phone" is not null`,
    },
    {
      name: 'suppressions_active_bsuid_unique',
      expression: `create unique index "suppressions_active_bsuid_unique" on "suppressions" ("tenant_id", "bsuid", "scope") where "lifted_at" is null and "bsuid" is not null`,
    },
  ],
  checks: [{ name: 'suppressions_key_present', expression: 'phone is not null or bsuid is not null' }],
  properties: {
    ...baseProperties,
    tenant: () => p.manyToOne(Tenant).deleteRule('cascade'),
    phone: p.string().length(20).nullable(),
    bsuid: p.string().length(64).nullable(),
    scope: p.enum([...SUPPRESSION_SCOPES]),
    source: p.enum([...SUPPRESSION_SOURCES]),
    reason: p.text().nullable(),
    /** When the user's action happened (webhook timestamp), not when we stored it. */
    occurredAt: p.datetime(),
    liftedAt: p.datetime().nullable(),
  },
});
export type Suppression = InferEntity<typeof Suppression>;
