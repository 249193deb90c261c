/**
 * Ingest's environment, parsed once at start-up. A missing or malformed variable throws a
 * ConfigError naming it; main.ts prints it and exits 1 before anything connects.
 * The batching knobs are documented in docs/benchmarks.md (how they were chosen).
 * @see https://zod.dev/api
 */
import { z } from 'zod';
import { httpEnv, kafkaEnv, nodeEnv, parseEnv } from '@dbulk/config';

type EnvSource = Record<string, string | undefined>;

const MiB = 1024 * 1024;
const int = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);

export const ingestEnvSchema = nodeEnv
  .merge(kafkaEnv)
  .merge(httpEnv(4001))
  .extend({
    /** One secret verifies every tenant's webhooks (one Meta app); never logged. */
    META_APP_SECRET: z.string().min(1),
    META_WEBHOOK_VERIFY_TOKEN: z.string().min(1),
    /** Meta sends up to 3 MB; a little headroom, then 413. */
    INGEST_BODY_LIMIT_BYTES: int(1024, 64 * MiB, Math.round(3.5 * MiB)),
    /** How long a request waits for Kafka's acknowledgement before answering 503. */
    INGEST_ACK_TIMEOUT_MS: int(50, 60_000, 2_000),
    INGEST_RETRY_AFTER_SECONDS: int(0, 3_600, 2),
    /** Micro-batcher: wait at most this long for company before sending a batch (0: next tick). */
    INGEST_BATCH_LINGER_MS: int(0, 1_000, 2),
    INGEST_BATCH_MAX_RECORDS: int(1, 10_000, 200),
    /** Below the broker's per-partition record-batch limit; a larger record is sent alone. */
    INGEST_BATCH_MAX_BYTES: int(1024, 64 * MiB, 768 * 1024),
    INGEST_MAX_IN_FLIGHT_BATCHES: int(1, 256, 8),
    /** Backpressure: beyond this many records (or bytes) waiting for Kafka, answer 503 at once. */
    INGEST_MAX_PENDING_RECORDS: int(1, 1_000_000, 10_000),
    INGEST_MAX_PENDING_BYTES: int(MiB, 4096 * MiB, 256 * MiB),
    /** Test and benchmark runs produce to their own copy of the topic (`<prefix>dbulk.webhooks`). */
    KAFKA_TOPIC_PREFIX: z.string().default(''),
  });

export type IngestEnv = z.output<typeof ingestEnvSchema>;

export const loadIngestEnv = (source: EnvSource = process.env): IngestEnv => parseEnv(ingestEnvSchema, source);
