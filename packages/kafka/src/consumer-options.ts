/** The options of a BatchConsumer and what it reports about itself. */
import type { Logger } from '@dbulk/logger';
import type { BackoffOptions } from './backoff';
import type { BatchHandler } from './chunk';
import type { KafkaClient } from './client';
import type { ErrorKind } from './poison';
import type { TypedProducer } from './producer';
import type { TopicName, TopicValue } from './topics';

export interface BatchConsumerOptions<N extends TopicName> {
  kafka: KafkaClient;
  logger: Logger;
  /** The group id is `<app>.<purpose>` (STYLE.md), e.g. `processor.webhooks`. */
  app: string;
  purpose: string;
  topic: N;
  handler: BatchHandler<TopicValue<N>>;
  /** Writes poison records to the DLQ; started and shut down by the caller. */
  producer: TypedProducer;
  topicPrefix?: string;
  chunkSize?: number;
  /** A new group starts at the earliest record by default: work topics must not skip a backlog. */
  fromBeginning?: boolean;
  partitionsConsumedConcurrently?: number;
  classifyError?: (err: unknown) => ErrorKind;
  backoff?: Partial<BackoffOptions>;
  maxAttempts?: number;
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  rebalanceTimeoutMs?: number;
  /** How long a fetch waits for data; also bounds how long shutdown waits for an idle fetch. */
  maxWaitTimeMs?: number;
}

export interface ConsumerHealth {
  connected: boolean;
  lastBatchAt: Date | null;
  /** Records behind the high watermark on the partitions this member last processed. */
  lag?: number;
}

const PART = /^[a-z][a-z0-9-]*$/;

/** `<app>.<purpose>` (STYLE.md), both kebab-case, so groups read the same in every tool. */
export function consumerGroupId(app: string, purpose: string): string {
  if (!PART.test(app) || !PART.test(purpose)) {
    throw new Error(`consumer group parts must be kebab-case: got "${app}.${purpose}"`);
  }
  return `${app}.${purpose}`;
}
