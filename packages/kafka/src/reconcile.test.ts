import { describe, expect, it } from 'vitest';
import type { KafkaAdmin } from './client';
import { planReconcile, reconcileTopics, topicConfigs } from './reconcile';
import { TOPICS, type TopicSpec } from './topics';

const spec = (name: string, partitions: number): TopicSpec => ({ ...TOPICS['dbulk.send'], name, partitions });

describe('planReconcile', () => {
  it('creates every topic on an empty cluster', () => {
    const plan = planReconcile([spec('a', 3), spec('b', 1)], []);
    expect(plan.create.map((t) => t.name)).toEqual(['a', 'b']);
    expect(plan.expand).toEqual([]);
    expect(plan.unchanged).toEqual([]);
  });

  it('does nothing when the cluster already matches', () => {
    const plan = planReconcile([spec('a', 3)], [{ name: 'a', partitions: 3 }]);
    expect(plan).toEqual({ create: [], expand: [], unchanged: ['a'], warnings: [] });
  });

  it('raises partitions to the declared count', () => {
    const plan = planReconcile([spec('a', 12)], [{ name: 'a', partitions: 6 }]);
    expect(plan.expand).toEqual([{ topic: 'a', from: 6, to: 12 }]);
  });

  it('never lowers partitions and warns instead', () => {
    const plan = planReconcile([spec('a', 6)], [{ name: 'a', partitions: 12 }]);
    expect(plan.expand).toEqual([]);
    expect(plan.unchanged).toEqual(['a']);
    expect(plan.warnings).toEqual([expect.stringMatching(/a has 12 partitions, more than the 6 declared/)]);
  });

  it('ignores topics it does not declare', () => {
    const plan = planReconcile([spec('a', 1)], [{ name: 'a', partitions: 1 }, { name: '__consumer_offsets', partitions: 50 }]);
    expect(plan).toEqual({ create: [], expand: [], unchanged: ['a'], warnings: [] });
  });
});

describe('topicConfigs', () => {
  it('asks for two in-sync replicas only when there are at least three', () => {
    expect(topicConfigs(TOPICS['dbulk.send'], 1)['min.insync.replicas']).toBe('1');
    expect(topicConfigs(TOPICS['dbulk.send'], 3)['min.insync.replicas']).toBe('2');
    expect(topicConfigs(TOPICS['dbulk.send'], 3)['retention.ms']).toBe(TOPICS['dbulk.send'].configs['retention.ms']);
  });
});

describe('reconcileTopics on a broker that is not ready yet', () => {
  /** A stand-in for kafkajs's admin (the real one runs in reconcile.integration.test.ts). */
  function admin(failures: unknown[]) {
    const created: string[] = [];
    const fake = {
      listTopics: async () => {
        const failure = failures.shift();
        if (failure) throw failure;
        return [];
      },
      createTopics: async ({ topics }: { topics: { topic: string }[] }) => {
        created.push(...topics.map((t) => t.topic));
        return true;
      },
    };
    return { admin: fake as unknown as KafkaAdmin, created };
  }

  it('starts again after a retriable answer ("This server does not host this topic-partition")', async () => {
    const { admin: a, created } = admin([Object.assign(new Error('This server does not host this topic-partition'), { retriable: true })]);
    const report = await reconcileTopics(a, [spec('a', 3)]);
    expect(report.created).toEqual(['a']);
    expect(created).toEqual(['a']);
  });

  it('gives up at once on an error that is not retriable', async () => {
    const { admin: a, created } = admin([Object.assign(new Error('Topic authorization failed'), { retriable: false })]);
    await expect(reconcileTopics(a, [spec('a', 3)])).rejects.toThrow('Topic authorization failed');
    expect(created).toEqual([]);
  });
});
