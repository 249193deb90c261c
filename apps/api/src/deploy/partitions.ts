/**
 * Partition counts from the deployment (the chart's `kafka.topics.<name>.partitions`) applied
 * to the declared topics. They bound how many sender and processor replicas can consume at once,
 * so the chart caps those HPAs at the same numbers; the reconciler only ever raises a count.
 */
import { TOPIC_NAMES, type TopicSpec } from '@dbulk/kafka';

const MAX_PARTITIONS = 1_000;

/** `dbulk.send=24, dbulk.webhooks=24` → `{ 'dbulk.send': 24, 'dbulk.webhooks': 24 }`; throws naming the bad entry. */
export function parsePartitionOverrides(text: string): Record<string, number> {
  const known = new Set<string>(TOPIC_NAMES);
  const overrides: Record<string, number> = {};
  for (const entry of text.split(',').map((part) => part.trim()).filter(Boolean)) {
    const match = /^([a-z0-9._-]+)=(\d+)$/.exec(entry);
    if (!match) throw new Error(`"${entry}" is not <topic>=<partitions>`);
    const [, topic, count] = match as unknown as [string, string, string];
    if (!known.has(topic)) throw new Error(`"${topic}" is not a dbulk topic (${[...known].join(', ')})`);
    const partitions = Number(count);
    if (partitions < 1 || partitions > MAX_PARTITIONS) throw new Error(`${topic}: partitions must be 1-${MAX_PARTITIONS}, got ${count}`);
    overrides[topic] = partitions;
  }
  return overrides;
}

export function withPartitions(topics: TopicSpec[], overrides: Record<string, number>): TopicSpec[] {
  return topics.map((spec) => (overrides[spec.name] === undefined ? spec : { ...spec, partitions: overrides[spec.name]! }));
}
