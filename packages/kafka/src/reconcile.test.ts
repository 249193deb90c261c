import { describe, expect, it } from 'vitest';
import { planReconcile, topicConfigs } from './reconcile';
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
