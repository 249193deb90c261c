/**
 * The one declaration of every dbulk topic: name, key, partitions, configs, value schema.
 * Producers, consumers, the reconcile CLI and the tests all read it from here.
 * @see https://kafka.apache.org/documentation/#topicconfigs
 */
import type { z } from 'zod';
import { ControlRecord, DlqRecord, EventRecord, SendRecord, WebhookRecord } from './records.schema';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface TopicSpec<S extends z.ZodType = z.ZodType> {
  name: string;
  /** What the record key holds; it decides ordering and which partition owns a tenant/number. */
  key: string;
  partitions: number;
  /** 1 for the single-broker stack; clusters override it when reconciling. */
  replicationFactor: number;
  configs: Record<string, string>;
  schema: S;
  /** Written to the `schema-version` header; bump it when the value changes incompatibly. */
  schemaVersion: number;
}

const retention = (days: number) => ({ 'retention.ms': String(days * DAY_MS), 'cleanup.policy': 'delete' });
const MIB = 1024 * 1024;
/** Meta sends webhooks of up to 3 MB; Kafka's default record limit is 1 MiB. */
const maxRecord = (mib: number) => ({ 'max.message.bytes': String(mib * MIB) });

export const TOPICS = {
  // Per-tenant order and one partition owner per tenant (rate limits need no distributed lock).
  'dbulk.send': {
    name: 'dbulk.send',
    key: 'tenantId',
    partitions: 12,
    replicationFactor: 1,
    configs: retention(3),
    schema: SendRecord,
    schemaVersion: 1,
  },
  // Produced before ingest answers 200; a week covers a long processor outage.
  'dbulk.webhooks': {
    name: 'dbulk.webhooks',
    key: 'phone_number_id',
    partitions: 12,
    replicationFactor: 1,
    configs: { ...retention(7), ...maxRecord(8) },
    schema: WebhookRecord,
    schemaVersion: 1,
  },
  // Nothing is dropped: a month to look at and replay what failed.
  'dbulk.webhooks.dlq': {
    name: 'dbulk.webhooks.dlq',
    key: 'phone_number_id',
    partitions: 6,
    replicationFactor: 1,
    // A dead letter wraps the whole original value (JSON-escaped), so it may be larger still.
    configs: { ...retention(30), ...maxRecord(16) },
    schema: DlqRecord,
    schemaVersion: 1,
  },
  // One partition: every sender reads every decision in the order it was made.
  'dbulk.control': {
    name: 'dbulk.control',
    key: 'scope',
    partitions: 1,
    replicationFactor: 1,
    configs: retention(7),
    schema: ControlRecord,
    schemaVersion: 1,
  },
  // Progress deltas are only interesting live; PostgreSQL holds the totals.
  'dbulk.events': {
    name: 'dbulk.events',
    key: 'tenantId',
    partitions: 6,
    replicationFactor: 1,
    configs: retention(1),
    schema: EventRecord,
    schemaVersion: 1,
  },
} as const satisfies Record<string, TopicSpec>;

export type TopicName = keyof typeof TOPICS;
/** Topic name → the value type of its records. */
export type TopicValues = { [N in TopicName]: z.output<(typeof TOPICS)[N]['schema']> };
export type TopicValue<N extends TopicName> = TopicValues[N];

export const TOPIC_NAMES = Object.keys(TOPICS) as TopicName[];
export const ALL_TOPICS: TopicSpec[] = Object.values(TOPICS);

/** Where a consumer's poison records go; each DLQ record names the topic it came from. */
export const DLQ_TOPIC = 'dbulk.webhooks.dlq' satisfies TopicName;

export function topicSpec<N extends TopicName>(name: N): (typeof TOPICS)[N] {
  return TOPICS[name];
}

/**
 * The physical name of a topic. A prefix lets tests (and environments sharing one cluster)
 * use their own copies of the declared topics.
 */
export function physicalTopic(name: string, prefix = ''): string {
  return `${prefix}${name}`;
}
