import { AppError } from '@dbulk/errors';
import { createLogger } from '@dbulk/logger';
import { ConfigResourceTypes } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKafka, type KafkaAdmin } from './client';
import { checkKafka } from './health';
import { reconcileTopics } from './reconcile';
import { TOPICS } from './topics';
import { deleteTestTopics, testKafka, uniqueTopicPrefix } from './testing';

const kafka = testKafka();
let admin: KafkaAdmin;
const prefixes: string[] = [];

beforeAll(async () => {
  admin = kafka.admin();
  await admin.connect();
});

afterAll(async () => {
  for (const prefix of prefixes) await deleteTestTopics(admin, prefix);
  await admin.disconnect();
});

async function partitionsOf(topic: string): Promise<number> {
  const [meta] = (await admin.fetchTopicMetadata({ topics: [topic] })).topics;
  return meta!.partitions.length;
}

describe('reconcileTopics', () => {
  it('creates missing topics, then is a no-op, then raises partitions but never lowers them', async () => {
    const prefix = uniqueTopicPrefix('reconcile');
    prefixes.push(prefix);
    const send = { ...TOPICS['dbulk.send'], partitions: 2 };
    const control = TOPICS['dbulk.control'];

    const first = await reconcileTopics(admin, [send, control], { topicPrefix: prefix });
    expect(first).toEqual({ created: [`${prefix}dbulk.send`, `${prefix}dbulk.control`], expanded: [], reconfigured: [], unchanged: [], warnings: [] });
    expect(await partitionsOf(`${prefix}dbulk.send`)).toBe(2);

    const again = await reconcileTopics(admin, [send, control], { topicPrefix: prefix });
    expect(again).toEqual({ created: [], expanded: [], reconfigured: [], unchanged: [`${prefix}dbulk.send`, `${prefix}dbulk.control`], warnings: [] });

    const grown = await reconcileTopics(admin, [{ ...send, partitions: 4 }], { topicPrefix: prefix });
    expect(grown.expanded).toEqual([{ topic: `${prefix}dbulk.send`, from: 2, to: 4 }]);
    expect(await partitionsOf(`${prefix}dbulk.send`)).toBe(4);

    const shrunk = await reconcileTopics(admin, [{ ...send, partitions: 3 }], { topicPrefix: prefix });
    expect(shrunk.expanded).toEqual([]);
    expect(shrunk.warnings).toEqual([expect.stringMatching(/has 4 partitions, more than the 3 declared/)]);
    expect(await partitionsOf(`${prefix}dbulk.send`)).toBe(4);
  });

  it('applies the declared retention and cleanup policy', async () => {
    const prefix = uniqueTopicPrefix('configs');
    prefixes.push(prefix);
    await reconcileTopics(admin, [TOPICS['dbulk.webhooks.dlq']], { topicPrefix: prefix });
    const described = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: `${prefix}dbulk.webhooks.dlq`, configNames: ['retention.ms', 'cleanup.policy'] }],
    });
    const entries = Object.fromEntries(described.resources[0]!.configEntries.map((e) => [e.configName, e.configValue]));
    expect(entries).toEqual({ 'retention.ms': String(30 * 24 * 3600 * 1000), 'cleanup.policy': 'delete' });
  });
});

describe('reconcileTopics on an existing topic', () => {
  it('converges a drifted config (a webhooks topic made before 3 MB records were allowed) and is then a no-op', async () => {
    const prefix = uniqueTopicPrefix('drift');
    prefixes.push(prefix);
    const webhooks = TOPICS['dbulk.webhooks'];
    const old = { ...webhooks, configs: { 'retention.ms': webhooks.configs['retention.ms'], 'cleanup.policy': 'delete' } };
    await reconcileTopics(admin, [old], { topicPrefix: prefix });
    const fixed = await reconcileTopics(admin, [webhooks], { topicPrefix: prefix });
    expect(fixed.reconfigured).toEqual([{ topic: `${prefix}dbulk.webhooks`, changed: ['max.message.bytes'] }]);
    const described = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: `${prefix}dbulk.webhooks`, configNames: ['max.message.bytes', 'retention.ms'] }],
    });
    const entries = Object.fromEntries(described.resources[0]!.configEntries.map((e) => [e.configName, e.configValue]));
    expect(entries).toEqual({ 'max.message.bytes': String(8 * 1024 * 1024), 'retention.ms': String(7 * 24 * 3600 * 1000) });
    expect((await reconcileTopics(admin, [webhooks], { topicPrefix: prefix })).reconfigured).toEqual([]);
  });
});

describe('checkKafka', () => {
  it('describes the cluster of a reachable broker', async () => {
    const health = await checkKafka(kafka, 5_000);
    expect(health.brokers).toBeGreaterThanOrEqual(1);
    expect(health.clusterId).toBeTruthy();
    expect(await checkKafka(admin, 5_000)).toEqual(health);
  });

  it('throws an unavailable AppError in time when no broker answers', async () => {
    const nowhere = createKafka({ brokers: ['127.0.0.1:1'], clientId: 'nowhere', logger: createLogger({ name: 'nowhere', level: 'silent' }), retry: { retries: 0 } });
    const started = Date.now();
    const failure = await checkKafka(nowhere, 1_000).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).category).toBe('unavailable');
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
