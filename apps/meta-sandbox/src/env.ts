/**
 * The sandbox's environment, parsed once at start-up (a bad value exits naming the variable).
 * Defaults give a working dev sandbox with no configuration: the default account's ids and
 * token below, PMP pricing, TIER_250, STANDARD throughput and the control API on outside
 * production.
 * @see https://zod.dev/api
 */
import { z } from 'zod';
import { httpEnv, nodeEnv, parseEnv } from '@dbulk/config';
import { TierSchema, THROUGHPUT_LEVELS } from './state/scenario';

type EnvSource = Record<string, string | undefined>;

const id = (fallback: string) => z.string().regex(/^\d{6,20}$/, 'must be digits').default(fallback);
const delay = (fallback: number) => z.coerce.number().int().min(0).default(fallback);
const flag = z.enum(['true', 'false', '1', '0'], { error: 'must be true or false' }).transform((value) => value === 'true' || value === '1');

export const sandboxEnvSchema = nodeEnv
  .merge(httpEnv(4010))
  .extend({
    /** Signs every webhook; ingest must be given the same value. */
    META_APP_SECRET: z.string().min(1).default('sandbox-app-secret'),
    /** Falls back to META_APP_ID, so one dev env file gives the api the matching app token. */
    SANDBOX_APP_ID: z.string().regex(/^\d{6,20}$/, 'must be digits').optional(),
    META_APP_ID: z.string().regex(/^\d{6,20}$/, 'must be digits').optional(),
    SANDBOX_WEBHOOK_URL: z.url().optional(),
    /** The unauthenticated /_sandbox control API; on by default except in production. */
    SANDBOX_CONTROL: flag.optional(),
    SANDBOX_BUSINESS_ID: id('100000000000003'),
    SANDBOX_WABA_ID: id('100000000000001'),
    SANDBOX_PHONE_NUMBER_ID: id('100000000000002'),
    SANDBOX_DISPLAY_PHONE_NUMBER: z.string().regex(/^\d{8,15}$/, 'must be digits').default('15550000001'),
    SANDBOX_VERIFIED_NAME: z.string().min(1).default('dbulk Sandbox'),
    SANDBOX_TOKEN: z.string().min(8).default('sandbox-token'),
    SANDBOX_MESSAGING_LIMIT_TIER: TierSchema.default('TIER_250'),
    SANDBOX_THROUGHPUT_LEVEL: z.enum(THROUGHPUT_LEVELS).default('STANDARD'),
    SANDBOX_SENT_DELAY_MS: delay(300),
    SANDBOX_DELIVERED_DELAY_MS: delay(800),
    /** `never` leaves messages unread. */
    SANDBOX_READ_DELAY_MS: z.union([z.literal('never').transform(() => null), z.coerce.number().int().min(0)]).default(2_000),
    SANDBOX_APPROVAL_DELAY_MS: delay(2_000),
    SANDBOX_PRICING_MODEL: z.enum(['PMP', 'CBP']).default('PMP'),
    SANDBOX_NON_WHATSAPP_PREFIXES: z
      .string()
      .default('155599')
      .transform((value) => value.split(',').map((prefix) => prefix.trim()).filter(Boolean)),
    /** Fixed seed → the same ids on every start (never with a persistent dbulk database: wamids are unique there). */
    SANDBOX_SEED: z.string().min(1).optional(),
  })
  .transform((env) => ({
    ...env,
    appId: env.SANDBOX_APP_ID ?? env.META_APP_ID ?? '100000000000000',
    controlEnabled: env.SANDBOX_CONTROL ?? env.NODE_ENV !== 'production',
  }));

export type SandboxEnv = z.output<typeof sandboxEnvSchema>;

export const loadSandboxEnv = (source: EnvSource = process.env): SandboxEnv => parseEnv(sandboxEnvSchema, source);
