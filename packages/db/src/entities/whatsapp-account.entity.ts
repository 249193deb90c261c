import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { baseProperties } from './base';
import { Tenant } from './tenant.entity';

export const ACCOUNT_STATUSES = ['connected', 'broken', 'disconnected'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/**
 * One connected WhatsApp business phone number (with its WABA) of a tenant. The access token
 * is AES-256-GCM ciphertext with the id of the key that sealed it; it never leaves the server.
 */
export const WhatsappAccount = defineEntity({
  name: 'WhatsappAccount',
  tableName: 'whatsapp_accounts',
  indexes: [{ properties: ['tenant', 'status'] }, { properties: ['wabaId'] }],
  // A number is live with at most one tenant at a time; disconnected rows keep the history.
  uniques: [
    {
      name: 'whatsapp_accounts_live_phone_number_id_unique',
      expression: `create unique index "whatsapp_accounts_live_phone_number_id_unique" on "whatsapp_accounts" ("phone_number_id") where "status" <> 'disconnected'`,
    },
  ],
  properties: {
    ...baseProperties,
    tenant: () => p.manyToOne(Tenant).deleteRule('cascade'),
    wabaId: p.string().length(32),
    /** Unique among live connections (partial unique index in the migration). */
    phoneNumberId: p.string().length(32),
    displayPhoneNumber: p.string().length(32).nullable(),
    verifiedName: p.string().length(200).nullable(),
    /** GREEN | YELLOW | RED | NA | UNKNOWN, as Meta reports it. */
    qualityRating: p.string().length(16).nullable(),
    /** Portfolio messaging limit tier: TIER_250, TIER_2K, TIER_10K, TIER_100K, TIER_UNLIMITED. */
    messagingLimitTier: p.string().length(32).nullable(),
    /** Meta's throughput level (STANDARD, HIGH…) and the rate dbulk starts the limiter at. */
    throughputLevel: p.string().length(32).nullable(),
    throughputMps: p.integer().default(80),
    status: p.enum([...ACCOUNT_STATUSES]).default('connected'),
    statusReason: p.text().nullable(),
    accessTokenCiphertext: p.text().hidden(),
    accessTokenKeyId: p.string().length(32),
    tokenExpiresAt: p.datetime().nullable(),
    scopes: p.json<string[]>().nullable(),
    webhookSubscribed: p.boolean().default(false),
    isSandbox: p.boolean().default(false),
    lastValidatedAt: p.datetime().nullable(),
    wabaTimezoneId: p.string().length(16).nullable(),
    wabaCurrency: p.string().length(8).nullable(),
  },
});
export type WhatsappAccount = InferEntity<typeof WhatsappAccount>;
