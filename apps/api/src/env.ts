/**
 * The api's environment, parsed once at start-up. A missing or malformed variable throws a
 * ConfigError naming it; main.ts prints it and exits 1 before anything connects.
 * @see https://zod.dev/api
 */
import { z } from 'zod';
import { databaseEnv, encryptionEnv, httpEnv, kafkaEnv, metaEnv, nodeEnv, parseEnv, publicUrlEnv } from '@dbulk/config';

type EnvSource = Record<string, string | undefined>;

const booleanFlag = z
  .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
  .default('false')
  .transform((value) => value === 'true' || value === '1');

const originOf = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
};

export const apiEnvSchema = nodeEnv
  .merge(databaseEnv)
  .merge(kafkaEnv)
  .merge(httpEnv(4000))
  .merge(publicUrlEnv)
  .merge(metaEnv)
  .merge(encryptionEnv)
  .extend({
    /** With META_APP_SECRET, debug_token is called with the app token `APP_ID|APP_SECRET`. */
    META_APP_ID: z.string().regex(/^\d+$/, 'must be the numeric app id').optional(),
    /** The Meta sandbox (apps/meta-sandbox) for one-click sandbox numbers; unset in production. */
    META_SANDBOX_URL: z.url().optional(),
    /** Test and readiness runs produce and consume their own copy of the topics (`<prefix>dbulk.control`). */
    KAFKA_TOPIC_PREFIX: z.string().default(''),
    /** Honour X-Forwarded-For (client ip for audit rows and throttling) only behind our own proxy. */
    TRUST_PROXY: booleanFlag,
    BODY_LIMIT_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(64 * 1024 * 1024)
      .default(1024 * 1024),
  })
  // Origins are compared exactly with the browser's Origin header, so `http://x:5173/` must become `http://x:5173`.
  .transform((env, ctx) => {
    const origins = [...env.ALLOWED_ORIGINS, env.PUBLIC_URL].map((url) => {
      const origin = originOf(url);
      if (!origin)
        ctx.addIssue({ code: 'custom', path: ['ALLOWED_ORIGINS'], message: `${url} is not a URL` });
      return origin ?? '';
    });
    return { ...env, allowedOrigins: [...new Set(origins)] };
  });

export type ApiEnv = z.output<typeof apiEnvSchema>;

export const loadApiEnv = (source: EnvSource = process.env): ApiEnv => parseEnv(apiEnvSchema, source);

/** The CLI talks only to PostgreSQL, so it does not ask for Kafka or HTTP settings. */
export const cliEnvSchema = nodeEnv.merge(databaseEnv);
/** Key rotation also needs the keys. */
export const rotateEnvSchema = cliEnvSchema.merge(encryptionEnv);

export type CliEnv = z.output<typeof cliEnvSchema>;

export const loadCliEnv = (source: EnvSource = process.env): CliEnv => parseEnv(cliEnvSchema, source);

export const loadRotateEnv = (source: EnvSource = process.env) => parseEnv(rotateEnvSchema, source);
