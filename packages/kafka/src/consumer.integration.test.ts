import { createLogger } from '@dbulk/logger';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BatchHandler } from './chunk';
import type { KafkaAdmin } from './client';
import { BatchConsumer, type BatchConsumerOptions } from './consumer';
import type { DecodedRecord } from './poison';
import { PermanentError } from './poison';
import { TypedProducer } from './producer';
import type { DlqRecord, SendRecord } from './records.schema';
import { createTestTopics, deleteTestTopics, testKafka, testLogger, uniqueName, uniqueTopicPrefix, waitFor } from './testing';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const kafka = testKafka();
const logger = testLogger();
let admin: KafkaAdmin;
const closers: (() => Promise<void>)[] = [];
const prefixes: string[] = [];
const groups: string[] = [];

beforeAll(async () => {
  admin = kafka.admin();
  await admin.connect();
});

afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

afterAll(async () => {
  for (const prefix of prefixes) await deleteTestTopics(admin, prefix);
  await admin.deleteGroups(groups).catch(() => undefined);
  await admin.disconnect();
});

/** One partition per topic so a test's records arrive as one ordered batch. */
async function setup(label: string) {
  const prefix = uniqueTopicPrefix(label);
  prefixes.push(prefix);
  await createTestTopics(admin, prefix, ['dbulk.send', 'dbulk.webhooks.dlq'], { partitions: 1 });
  const producer = new TypedProducer({ kafka, logger, topicPrefix: prefix });
  await producer.start();
  closers.push(() => producer.shutdown());
  const purpose = uniqueName(label);
  groups.push(`test.${purpose}`, `test.${purpose}-dlq`);

  async function consume<N extends 'dbulk.send' | 'dbulk.webhooks.dlq'>(
    topic: N,
    handler: BatchConsumerOptions<N>['handler'],
    extra: Partial<BatchConsumerOptions<N>> = {},
  ) {
    const consumer = new BatchConsumer<N>({
      kafka,
      logger,
      app: 'test',
      purpose: topic === 'dbulk.send' ? purpose : `${purpose}-dlq`,
      topic,
      handler,
      producer,
      topicPrefix: prefix,
      sessionTimeoutMs: 6_000,
      heartbeatIntervalMs: 500,
      rebalanceTimeoutMs: 3_000,
      maxWaitTimeMs: 100,
      backoff: { initialMs: 50, maxMs: 200 },
      ...extra,
    });
    await consumer.start();
    closers.push(() => consumer.shutdown());
    return consumer;
  }
  return { prefix, producer, consume };
}

function collect<T>() {
  const records: DecodedRecord<T>[] = [];
  const handler: BatchHandler<T> = async (batch) => void records.push(...batch);
  return { records, handler };
}

const send = (id: string): SendRecord => ({ tenantId: 't1', campaignId: 'c1', messageIds: [id] });
const ids = (records: DecodedRecord<SendRecord>[]) => records.map((r) => r.value.messageIds[0] ?? '');

describe('BatchConsumer against the stack broker', () => {
  it('round-trips typed records with key, event-id and schema-version headers', async () => {
    const { producer, consume } = await setup('roundtrip');
    const results = await producer.send('dbulk.send', [
      { key: 't1', value: send('m1') },
      { key: 't1', value: send('m2'), headers: { 'event-id': 'chosen-id', 'trace-id': 'tr-1' } },
    ]);
    expect(results).toEqual([expect.objectContaining({ partition: 0, offset: '0' })]);

    const { records, handler } = collect<SendRecord>();
    const consumer = await consume('dbulk.send', handler);
    await waitFor(() => records.length >= 2, { what: 'two records' });
    expect(records.map((r) => ({ key: r.key, value: r.value, version: r.schemaVersion }))).toEqual([
      { key: 't1', value: send('m1'), version: 1 },
      { key: 't1', value: send('m2'), version: 1 },
    ]);
    expect(records[0]!.eventId).toMatch(UUID_V4);
    expect(records[1]!.headers).toMatchObject({ 'event-id': 'chosen-id', 'trace-id': 'tr-1', 'schema-version': '1' });
    await waitFor(() => consumer.health().lag === 0, { what: 'lag 0' });
    expect(consumer.health()).toMatchObject({ connected: true, lastBatchAt: expect.any(Date) });
  });

  it('rejects a value that does not match its topic schema without producing it', async () => {
    const { producer } = await setup('invalid');
    const bad = { tenantId: 't1', campaignId: 'c1', messageIds: [] } as SendRecord;
    await expect(producer.send('dbulk.send', [{ key: 't1', value: bad }])).rejects.toMatchObject({ code: 'KAFKA_RECORD_INVALID' });
  });

  it('rejects a send that Kafka does not acknowledge in time instead of dropping it', async () => {
    // kafkajs logs each metadata retry as an error; this test expects them, so it stays quiet.
    const quiet = createLogger({ name: 'quiet', level: 'silent' });
    const producer = new TypedProducer({ kafka: testKafka(quiet), logger: quiet, topicPrefix: uniqueTopicPrefix('missing') });
    await producer.start();
    closers.push(() => producer.shutdown());
    const started = Date.now();
    // The topic does not exist and is never auto-created: kafkajs keeps retrying until our deadline.
    await expect(producer.send('dbulk.send', [{ key: 't1', value: send('m1') }], { timeoutMs: 500 })).rejects.toMatchObject({
      code: 'KAFKA_PRODUCE_TIMEOUT',
      category: 'unavailable',
    });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('sends poison records to the DLQ with the error and carries on', async () => {
    const { producer, consume } = await setup('poison');
    await producer.send('dbulk.send', [{ key: 't1', value: send('m1') }]);
    await producer.sendRaw('dbulk.send', [{ key: 't1', value: 'not json' }]);
    await producer.sendRaw('dbulk.send', [{ key: 't1', value: JSON.stringify({ tenantId: 't1' }) }]);
    await producer.send('dbulk.send', [{ key: 't1', value: send('refused') }, { key: 't1', value: send('m2') }]);

    const handled: string[] = [];
    await consume('dbulk.send', async (records) => {
      if (records.some((r) => r.value.messageIds[0] === 'refused')) throw new PermanentError('TEMPLATE_PAUSED', 'template is paused');
      handled.push(...ids(records));
    });
    const dlq = collect<DlqRecord>();
    await consume('dbulk.webhooks.dlq', dlq.handler);

    await waitFor(() => dlq.records.length >= 3, { what: 'three dead letters' });
    expect(dlq.records.map((r) => [r.value.offset, r.value.error.code, r.value.attempts])).toEqual([
      ['1', 'RECORD_NOT_JSON', 1],
      ['2', 'RECORD_INVALID', 1],
      ['3', 'TEMPLATE_PAUSED', 1],
    ]);
    expect(dlq.records[0]!.value).toMatchObject({ key: 't1', value: 'not json', groupId: expect.stringMatching(/^test\.poison-/) });
    expect(dlq.records[2]!.value.error.message).toBe('template is paused');
    expect(handled).toEqual(['m1', 'm2']);

    await producer.send('dbulk.send', [{ key: 't1', value: send('m3') }]);
    await waitFor(() => handled.includes('m3'), { what: 'the record after the poison' });
  });

  it('delivers a record again after its handler failed transiently (at-least-once)', async () => {
    const { producer, consume } = await setup('retry');
    await producer.send('dbulk.send', [send('m1'), send('flaky'), send('m3')].map((value) => ({ key: 't1', value })));
    const attempts: string[][] = [];
    let failures = 0;
    const consumer = await consume('dbulk.send', async (records) => {
      attempts.push(ids(records));
      if (ids(records).includes('flaky') && failures++ < 2) throw new Error('database unavailable');
    });
    await waitFor(() => attempts.at(-1)?.includes('m3') && failures > 2, { what: 'the retried batch to succeed' });
    expect(attempts).toEqual([
      ['m1', 'flaky', 'm3'],
      ['m1', 'flaky', 'm3'],
      ['m1', 'flaky', 'm3'],
    ]);
    await waitFor(() => consumer.health().lag === 0, { what: 'lag 0' });
  });

  it('finishes and commits the in-flight batch on shutdown; the group does not see it again', async () => {
    const { producer, consume } = await setup('shutdown');
    await producer.send('dbulk.send', ['m1', 'm2', 'm3', 'm4', 'm5'].map((id) => ({ key: 't1', value: send(id) })));
    let started!: () => void;
    const inFlight = new Promise<void>((resolve) => (started = resolve));
    const finished: string[] = [];
    const first = await consume('dbulk.send', async (records) => {
      started();
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      finished.push(...ids(records));
    });
    await inFlight;
    await first.shutdown();
    expect(finished).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
    expect(first.health().connected).toBe(false);

    const [committed] = await admin.fetchOffsets({ groupId: first.groupId, topics: [`${prefixes.at(-1)}dbulk.send`] });
    expect(committed!.partitions).toEqual([expect.objectContaining({ partition: 0, offset: '5' })]);

    await producer.send('dbulk.send', [{ key: 't1', value: send('after') }]);
    const { records, handler } = collect<SendRecord>();
    await consume('dbulk.send', handler);
    await waitFor(() => records.length >= 1, { what: 'the record produced after shutdown' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(ids(records)).toEqual(['after']);
  });
});
