/**
 * The processor's environment, parsed once at start-up. A missing or malformed variable throws
 * a ConfigError naming it; main.ts prints it and exits 1 before anything connects.
 * @see https://zod.dev/api
 */
import { z } from 'zod';
import { databaseEnv, httpEnv, kafkaEnv, nodeEnv, parseEnv } from '@dbulk/config';

type EnvSource = Record<string, string | undefined>;

const int = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);

/** Test and benchmark runs consume their own copy of the topics (`<prefix>dbulk.webhooks`). */
const topicPrefixEnv = z.object({ KAFKA_TOPIC_PREFIX: z.string().default('') });

export const processorEnvSchema = nodeEnv
  .merge(databaseEnv)
  .merge(kafkaEnv)
  .merge(httpEnv(4003))
  .merge(topicPrefixEnv)
  .extend({
    /** The consumer group is `processor.<purpose>`; a test or check on its own topics uses its own group. */
    PROCESSOR_GROUP_PURPOSE: z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be kebab-case').default('webhooks'),
    /** Records handed to one handler call (the consumer's chunk). */
    PROCESSOR_CHUNK_SIZE: int(1, 5_000, 500),
    /** Changes per database transaction; a record (up to 1,000 changes) is never split. */
    PROCESSOR_MAX_CHANGES_PER_TX: int(1, 20_000, 2_000),
    /** Partitions worked on at once by one replica; each needs a database connection. */
    PROCESSOR_PARTITIONS_CONCURRENTLY: int(1, 64, 3),
    /** Meta redelivers for 7 days, so dedupe keys are kept at least that long. */
    WEBHOOK_RETENTION_DAYS: int(7, 3_650, 30),
    /** How often the retention job runs; 0 turns it off (another replica or a cron does it). */
    WEBHOOK_RETENTION_INTERVAL_MINUTES: int(0, 7 * 24 * 60, 60),
    /** How often parked statuses whose wamid became known are applied; 0 turns it off. */
    PARKED_SWEEP_INTERVAL_MS: int(0, 3_600_000, 5_000),
  });

export type ProcessorEnv = z.output<typeof processorEnvSchema>;

export const loadProcessorEnv = (source: EnvSource = process.env): ProcessorEnv => parseEnv(processorEnvSchema, source);

/** The replay commands: Kafka always, PostgreSQL for replay-unroutable; quieter logs by default. */
export const cliEnvSchema = nodeEnv
  .extend({ LOG_LEVEL: nodeEnv.shape.LOG_LEVEL.unwrap().default('warn') })
  .merge(kafkaEnv)
  .merge(topicPrefixEnv)
  .merge(databaseEnv.partial());

export type CliEnv = z.output<typeof cliEnvSchema>;

export const loadCliEnv = (source: EnvSource = process.env): CliEnv => parseEnv(cliEnvSchema, source);
