/**
 * Kafka for campaign tests: the declared topics under a prefix no other test uses, a producer on
 * them, and collectors that keep every record a topic receives (test consumer groups, latest first
 * read from the beginning). `close()` stops everything and deletes the topics.
 */
import {
  BatchConsumer,
  TypedProducer,
  type DecodedRecord,
  type TopicName,
  type TopicValue,
} from '@dbulk/kafka';
import {
  createTestTopics,
  deleteTestTopics,
  testKafka,
  testLogger,
  uniqueName,
  uniqueTopicPrefix,
} from '@dbulk/kafka/testing';

export async function campaignKafka(
  label: string,
  topics: TopicName[] = ['dbulk.send', 'dbulk.control', 'dbulk.events', 'dbulk.webhooks.dlq'],
) {
  const kafka = testKafka();
  const logger = testLogger(`campaigns-${label}`);
  const admin = kafka.admin();
  await admin.connect();
  const prefix = uniqueTopicPrefix(label);
  await createTestTopics(admin, prefix, [...new Set([...topics, 'dbulk.webhooks.dlq' as const])], {
    partitions: 1,
  });
  const producer = new TypedProducer({ kafka, logger, topicPrefix: prefix });
  await producer.start();
  const closers: (() => Promise<void>)[] = [];
  const groups: string[] = [];

  async function collect<N extends TopicName>(topic: N): Promise<DecodedRecord<TopicValue<N>>[]> {
    const records: DecodedRecord<TopicValue<N>>[] = [];
    const purpose = uniqueName(label);
    groups.push(`test.${purpose}`);
    const consumer = new BatchConsumer<N>({
      kafka,
      logger,
      app: 'test',
      purpose,
      topic,
      producer,
      topicPrefix: prefix,
      fromBeginning: true,
      maxWaitTimeMs: 100,
      sessionTimeoutMs: 6_000,
      heartbeatIntervalMs: 1_000,
      handler: async (batch) => {
        records.push(...batch);
      },
    });
    await consumer.start();
    closers.push(() => consumer.shutdown());
    return records;
  }

  return {
    kafka,
    logger,
    prefix,
    producer,
    collect,
    async close() {
      for (const close of closers.reverse()) await close().catch(() => {});
      await producer.shutdown().catch(() => {});
      await deleteTestTopics(admin, prefix).catch(() => {});
      await admin.deleteGroups(groups).catch(() => {});
      await admin.disconnect();
    },
  };
}
