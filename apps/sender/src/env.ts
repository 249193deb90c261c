/**
 * The sender's environment, parsed once at start-up. A missing or malformed variable throws a
 * ConfigError naming it; main.ts prints it and exits 1 before anything connects.
 * @see https://zod.dev/api
 */
import { z } from 'zod';
import { ConfigError, databaseEnv, encryptionEnv, httpEnv, kafkaEnv, metaEnv, nodeEnv, parseEnv } from '@dbulk/config';

type EnvSource = Record<string, string | undefined>;

const int = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);
const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'])
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1');

export const senderEnvSchema = nodeEnv
  .merge(databaseEnv)
  .merge(kafkaEnv)
  .merge(httpEnv(4002))
  .merge(metaEnv)
  .merge(encryptionEnv)
  .extend({
    /** Test and benchmark runs use their own copy of the topics (`<prefix>dbulk.send`). */
    KAFKA_TOPIC_PREFIX: z.string().default(''),
    /** The consumer group is `sender.<purpose>`; a test or benchmark on its own topics uses its own group. */
    SENDER_GROUP_PURPOSE: z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be kebab-case').default('send'),
    /** How long a vanished replica keeps its partitions before the group moves them (kill -9). */
    SENDER_SESSION_TIMEOUT_MS: int(6_000, 300_000, 30_000),
    /** Graph calls in flight per replica. */
    SENDER_CONCURRENCY: int(1, 2_000, 32),
    /** Partitions of dbulk.send worked on at once; each holds a database connection while it writes. */
    SENDER_PARTITIONS_CONCURRENTLY: int(1, 64, 4),
    /** dbulk.send records per handler call. */
    SENDER_CHUNK_SIZE: int(1, 1_000, 20),
    /**
     * Messages whose rate slot is further ahead than this go back to PENDING for the planner to
     * offer again: it bounds what one number keeps claimed. Above the planner's lookahead (3 s),
     * so in steady state nothing the planner queued is sent back.
     */
    SENDER_RATE_HORIZON_MS: int(100, 60_000, 5_000),
    /** Wait for Meta's answer; past it the outcome is unknown (ambiguous, never resent). */
    SENDER_GRAPH_TIMEOUT_MS: int(1_000, 120_000, 15_000),
    /** Join `sender.<purpose>` and send; false for a planner-only process (its own Deployment in Kubernetes). */
    SENDER_CONSUMER_ENABLED: bool(true),
    /** Host the planner (one leader among all replicas by advisory lock). */
    PLANNER_ENABLED: bool(true),
    PLANNER_TICK_MS: int(50, 10_000, 300),
    PLANNER_LOOKAHEAD_SECONDS: int(1, 60, 3),
    /** A SENDING row older than this is declared ambiguous by the planner. */
    PLANNER_SENDING_LEASE_MS: int(5_000, 3_600_000, 120_000),
  });

export type SenderEnv = z.output<typeof senderEnvSchema>;

/** A process that neither sends nor plans would only answer probes: refuse it at start-up. */
export const assertHasRole = (env: Pick<SenderEnv, 'SENDER_CONSUMER_ENABLED' | 'PLANNER_ENABLED'>): void => {
  if (!env.SENDER_CONSUMER_ENABLED && !env.PLANNER_ENABLED)
    throw new ConfigError(['SENDER_CONSUMER_ENABLED and PLANNER_ENABLED are both false: the process would do nothing']);
};

export const loadSenderEnv = (source: EnvSource = process.env): SenderEnv => {
  const env = parseEnv(senderEnvSchema, source);
  assertHasRole(env);
  return env;
};
