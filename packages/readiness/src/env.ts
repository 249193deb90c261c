/**
 * The readiness check's settings, parsed once from the environment (docs/PRODUCTION_VALIDATION_GUIDE.md
 * lists them). Real mode — a real WABA — is chosen by giving its access token; it then needs
 * the WABA and phone number ids and the test recipients, and only those recipients are messaged.
 * @see https://zod.dev/api
 */
import { z } from 'zod';
import { ConfigError } from '@dbulk/config';

type EnvSource = Record<string, string | undefined>;

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max).optional();
const E164 = /^\+[1-9]\d{7,14}$/;

export const readinessEnvSchema = z.object({
  READINESS_API_URL: z.url().default('http://localhost:4000'),
  READINESS_INGEST_URL: z.url().default('http://localhost:4001'),
  /** Sent as Origin on mutations (CSRF check): the api's PUBLIC_URL or one of its ALLOWED_ORIGINS. */
  READINESS_ORIGIN: z.url().optional(),
  /** The Meta sandbox's control API (/_sandbox): approval, throttling, what was sent. Sandbox mode only. */
  READINESS_SANDBOX_URL: z.url().default('http://localhost:4010'),
  READINESS_TENANT_EMAIL: z.email().optional(),
  READINESS_TENANT_PASSWORD: z.string().min(1).optional(),
  READINESS_ADMIN_EMAIL: z.email().optional(),
  READINESS_ADMIN_PASSWORD: z.string().min(1).optional(),
  READINESS_WEBHOOK_VERIFY_TOKEN: z.string().min(1).optional(),
  READINESS_WABA_ID: z.string().regex(/^\d{5,32}$/, 'must be the numeric WABA id').optional(),
  READINESS_PHONE_NUMBER_ID: z.string().regex(/^\d{5,32}$/, 'must be the numeric phone number id').optional(),
  READINESS_ACCESS_TOKEN: z.string().min(8).optional(),
  READINESS_TEST_RECIPIENTS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .refine((list) => list.every((p) => E164.test(p)), 'must be E.164 numbers separated by commas, e.g. +4915112345678')
    .refine((list) => list.length <= 5, 'at most 5 test recipients'),
  READINESS_TEMPLATE_NAME: z.string().regex(/^[a-z0-9_]{1,512}$/).default('hello_world'),
  READINESS_TEMPLATE_LANGUAGE: z.string().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/).default('en_US'),
  /** Sandbox campaign size (recipients of the main campaign) and the longest wait of one step. */
  READINESS_RECIPIENTS: int(1, 200),
  READINESS_STEP_TIMEOUT_SECONDS: int(5, 3_600),
});

export type ReadinessEnv = z.output<typeof readinessEnvSchema>;

export type Mode = 'sandbox' | 'real';

export interface RealWaba {
  wabaId: string;
  phoneNumberId: string;
  accessToken: string;
  recipients: string[];
  templateName: string;
  templateLanguage: string;
}

export interface ReadinessConfig {
  mode: Mode;
  apiUrl: string;
  ingestUrl: string;
  origin: string;
  sandboxUrl: string | null;
  tenant: { email: string; password: string } | null;
  admin: { email: string; password: string } | null;
  verifyToken: string | null;
  real: RealWaba | null;
  recipients: number | undefined;
  stepTimeoutSeconds: number | undefined;
}

export function loadReadinessConfig(source: EnvSource, { sandboxOnly = false } = {}): ReadinessConfig {
  const parsed = readinessEnvSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const env = parsed.data;
  const mode: Mode = env.READINESS_ACCESS_TOKEN ? 'real' : 'sandbox';
  if (mode === 'real' && sandboxOnly) throw new ConfigError(['READINESS_ACCESS_TOKEN is set: sandbox-test never talks to a real WABA; use production-readiness-test']);
  if (mode === 'real') {
    for (const name of ['READINESS_WABA_ID', 'READINESS_PHONE_NUMBER_ID', 'READINESS_TENANT_EMAIL', 'READINESS_TENANT_PASSWORD'] as const)
      if (!env[name]) throw new ConfigError([`${name} is required with READINESS_ACCESS_TOKEN (real WABA mode)`]);
    if (env.READINESS_TEST_RECIPIENTS.length === 0) throw new ConfigError(['READINESS_TEST_RECIPIENTS is required in real WABA mode: the only numbers that will be messaged']);
  }
  const pair = (email?: string, password?: string) => (email && password ? { email, password } : null);
  return {
    mode,
    apiUrl: env.READINESS_API_URL.replace(/\/$/, ''),
    ingestUrl: env.READINESS_INGEST_URL.replace(/\/$/, ''),
    origin: new URL(env.READINESS_ORIGIN ?? env.READINESS_API_URL).origin,
    sandboxUrl: mode === 'sandbox' ? env.READINESS_SANDBOX_URL.replace(/\/$/, '') : null,
    tenant: pair(env.READINESS_TENANT_EMAIL, env.READINESS_TENANT_PASSWORD),
    admin: pair(env.READINESS_ADMIN_EMAIL, env.READINESS_ADMIN_PASSWORD),
    verifyToken: env.READINESS_WEBHOOK_VERIFY_TOKEN ?? null,
    real:
      mode === 'real'
        ? {
            wabaId: env.READINESS_WABA_ID!,
            phoneNumberId: env.READINESS_PHONE_NUMBER_ID!,
            accessToken: env.READINESS_ACCESS_TOKEN!,
            recipients: env.READINESS_TEST_RECIPIENTS,
            templateName: env.READINESS_TEMPLATE_NAME,
            templateLanguage: env.READINESS_TEMPLATE_LANGUAGE,
          }
        : null,
    recipients: env.READINESS_RECIPIENTS,
    stepTimeoutSeconds: env.READINESS_STEP_TIMEOUT_SECONDS,
  };
}
