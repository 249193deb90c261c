/**
 * @dbulk/kafka: the only package that knows the Kafka client (kafkajs today, see
 * docs/adr/0002-kafkajs-behind-a-wrapper.md). Apps use these types and classes, never kafkajs.
 */
export { createKafka, type CreateKafkaOptions, type KafkaAdmin, type KafkaClient } from './client';
export { kafkaConnection, type KafkaConnection, type KafkaConnectionEnv, type SaslMechanism } from './connection';
export {
  ALL_TOPICS,
  DLQ_TOPIC,
  physicalTopic,
  TOPIC_NAMES,
  TOPICS,
  topicSpec,
  type TopicName,
  type TopicSpec,
  type TopicValue,
  type TopicValues,
} from './topics';
export * from './records.schema';
export { buildHeaders, EVENT_ID_HEADER, SCHEMA_VERSION_HEADER, type RecordHeaders } from './headers';
export {
  TypedProducer,
  type ProduceRecord,
  type ProduceResult,
  type RawProduceRecord,
  type SendOptions,
  type TypedProducerOptions,
} from './producer';
export { BatchConsumer, type BatchConsumerOptions, type ConsumerHealth } from './consumer';
export type { BatchContext, BatchHandler } from './chunk';
export { classifyError, PermanentError, type DecodedRecord, type ErrorKind } from './poison';
export { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
export {
  planReconcile,
  reconcileTopics,
  type PartitionChange,
  type ReconcileOptions,
  type ReconcilePlan,
  type ReconcileReport,
} from './reconcile';
export { runReconcile, type ReconcileRunEnv } from './reconcile-run';
export { checkKafka, type KafkaHealth } from './health';
