/**
 * The environment of the deploy commands the chart runs as Helm hook Jobs (dist/deploy/*.js in
 * the api image): migrations need only PostgreSQL, the topic reconciler only Kafka.
 * @see https://zod.dev/api
 */
import { databaseEnv, kafkaEnv, nodeEnv, parseEnv } from '@dbulk/config';
import { z } from 'zod';
import { parsePartitionOverrides } from './partitions';

type EnvSource = Record<string, string | undefined>;

export const migrateEnvSchema = nodeEnv.merge(databaseEnv).extend({
  /** After the migrations, load the rate card dbulk ships (idempotent; rates an admin applied stay). */
  SEED_PRICING: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  /** The shipped card's file; the api image copies it to this path under its working directory. */
  RATE_CARD_PATH: z.string().min(1).default('packages/domain/billing/data/rate-card.csv'),
});

export const topicsEnvSchema = nodeEnv.merge(kafkaEnv).extend({
  /** 1 on the single-broker stack; 3 on a production cluster. */
  KAFKA_REPLICATION_FACTOR: z.coerce.number().int().min(1).max(7).default(1),
  /** Staging and tests reconcile their own copy of the topics (`<prefix>dbulk.send`). */
  KAFKA_TOPIC_PREFIX: z.string().default(''),
  /** `dbulk.send=24,dbulk.webhooks=24`: partition counts from the chart's values (they bound consumer replicas). */
  KAFKA_TOPIC_PARTITIONS: z
    .string()
    .default('')
    .transform((value, ctx) => {
      try {
        return parsePartitionOverrides(value);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
        return z.NEVER;
      }
    }),
});

export type TopicsEnv = z.output<typeof topicsEnvSchema>;

export const loadMigrateEnv = (source: EnvSource = process.env) => parseEnv(migrateEnvSchema, source);
export const loadTopicsEnv = (source: EnvSource = process.env): TopicsEnv => parseEnv(topicsEnvSchema, source);
