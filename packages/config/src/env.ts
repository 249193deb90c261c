/**
 * Zod fragments for the environment, one per concern, composed by each process's own env.ts.
 * parseEnv fails fast with a message that names every missing or malformed variable.
 */
import { z } from 'zod';

const csv = z
  .string()
  .min(1)
  .transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean));

const base64Key = z.string().refine((value) => Buffer.from(value, 'base64').length === 32, {
  message: 'must be 32 bytes, base64-encoded (openssl rand -base64 32)',
});

export const nodeEnv = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export const databaseEnv = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
});

export const kafkaEnv = z.object({
  KAFKA_BROKERS: csv,
  KAFKA_CLIENT_ID: z.string().default('dbulk'),
  /** TLS to the brokers (a private CA through NODE_EXTRA_CA_CERTS). */
  KAFKA_SSL: z
    .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
    .default('false')
    .transform((value) => value === 'true' || value === '1'),
  /** SASL authentication; the username and password are required with it (checked by @dbulk/kafka). */
  KAFKA_SASL_MECHANISM: z.enum(['plain', 'scram-sha-256', 'scram-sha-512']).optional(),
  KAFKA_SASL_USERNAME: z.string().min(1).optional(),
  KAFKA_SASL_PASSWORD: z.string().min(1).optional(),
});

export const httpEnv = (defaultPort: number) =>
  z.object({
    PORT: z.coerce.number().int().min(1).max(65535).default(defaultPort),
    HOST: z.string().default('0.0.0.0'),
  });

export const publicUrlEnv = z.object({
  PUBLIC_URL: z.string().url().default('http://localhost:4000'),
  /** Origins allowed to send mutations (CSRF check); the web apps' URLs. */
  ALLOWED_ORIGINS: csv.default(['http://localhost:5173', 'http://localhost:5174']),
});

export const metaEnv = z.object({
  META_GRAPH_URL: z.string().url().default('https://graph.facebook.com'),
  META_API_VERSION: z.string().regex(/^v\d+\.\d+$/, 'must look like v23.0').default('v23.0'),
  META_APP_SECRET: z.string().min(1).optional(),
  META_WEBHOOK_VERIFY_TOKEN: z.string().min(1).optional(),
});

/** The current key seals; previous keys (comma-separated) only open, until rotation re-seals. */
export const encryptionEnv = z.object({
  ENCRYPTION_KEY: base64Key,
  ENCRYPTION_KEYS_PREVIOUS: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((key) => key.trim()).filter(Boolean))
    .pipe(z.array(base64Key)),
});

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function parseEnv<T extends z.ZodType>(schema: T, source: Record<string, string | undefined>): z.output<T> {
  // Empty strings count as unset so `FOO=` in a shell file falls back to the default.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join('.') || '(root)';
    const missing = issue.code === 'invalid_type' && cleaned[name] === undefined;
    return missing ? `${name} is required but not set` : `${name}: ${issue.message}`;
  });
  throw new ConfigError(problems);
}
