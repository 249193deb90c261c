/**
 * Makes the cluster match topics.ts: creates missing topics and adds partitions where the
 * declaration has more. It never deletes or shrinks (Kafka cannot remove partitions, and keys
 * would move); a topic with more partitions than declared is reported as a warning.
 * Safe to run on every deploy and from several places at once.
 * @see https://kafka.js.org/docs/admin#a-name-create-topics-a-create-topics
 * @see https://kafka.js.org/docs/admin#a-name-create-partitions-a-create-partitions
 */
import type { KafkaAdmin } from './client';
import { physicalTopic, type TopicSpec } from './topics';

export interface ExistingTopic {
  name: string;
  partitions: number;
}

export interface PartitionChange {
  topic: string;
  from: number;
  to: number;
}

export interface ReconcilePlan {
  create: TopicSpec[];
  expand: PartitionChange[];
  unchanged: string[];
  warnings: string[];
}

export interface ReconcileReport {
  created: string[];
  expanded: PartitionChange[];
  unchanged: string[];
  warnings: string[];
}

export interface ReconcileOptions {
  /** Overrides every topic's declared factor (3 on a production cluster). */
  replicationFactor?: number;
  topicPrefix?: string;
}

/** Pure diff of declared (already physically named) topics against what the cluster has. */
export function planReconcile(declared: TopicSpec[], existing: ExistingTopic[]): ReconcilePlan {
  const byName = new Map(existing.map((topic) => [topic.name, topic.partitions]));
  const plan: ReconcilePlan = { create: [], expand: [], unchanged: [], warnings: [] };
  for (const spec of declared) {
    const actual = byName.get(spec.name);
    if (actual === undefined) {
      plan.create.push(spec);
    } else if (actual < spec.partitions) {
      plan.expand.push({ topic: spec.name, from: actual, to: spec.partitions });
    } else {
      if (actual > spec.partitions) {
        plan.warnings.push(`${spec.name} has ${actual} partitions, more than the ${spec.partitions} declared; left as is`);
      }
      plan.unchanged.push(spec.name);
    }
  }
  return plan;
}

/** With replicas, acks=all only means something if a write needs more than the leader. */
export function topicConfigs(spec: TopicSpec, replicationFactor: number): Record<string, string> {
  return { 'min.insync.replicas': replicationFactor >= 3 ? '2' : '1', ...spec.configs };
}

export async function reconcileTopics(
  admin: KafkaAdmin,
  topics: TopicSpec[],
  options: ReconcileOptions = {},
): Promise<ReconcileReport> {
  const declared = topics.map((spec) => ({ ...spec, name: physicalTopic(spec.name, options.topicPrefix) }));
  const names = new Set(await admin.listTopics());
  const present = declared.filter((spec) => names.has(spec.name)).map((spec) => spec.name);
  const metadata = present.length > 0 ? (await admin.fetchTopicMetadata({ topics: present })).topics : [];
  const plan = planReconcile(
    declared,
    metadata.map((topic) => ({ name: topic.name, partitions: topic.partitions.length })),
  );

  const report: ReconcileReport = { created: [], expanded: [], unchanged: [...plan.unchanged], warnings: plan.warnings };
  // One topic per request: createTopics answers false for the whole call if any already existed
  // (another reconciler won the race), and we want to report each topic truthfully.
  for (const spec of plan.create) {
    const replicationFactor = options.replicationFactor ?? spec.replicationFactor;
    const created = await admin.createTopics({
      waitForLeaders: true,
      topics: [
        {
          topic: spec.name,
          numPartitions: spec.partitions,
          replicationFactor,
          configEntries: Object.entries(topicConfigs(spec, replicationFactor)).map(([name, value]) => ({ name, value })),
        },
      ],
    });
    (created ? report.created : report.unchanged).push(spec.name);
  }
  for (const change of plan.expand) {
    try {
      await admin.createPartitions({ topicPartitions: [{ topic: change.topic, count: change.to }] });
      report.expanded.push(change);
    } catch (err) {
      // Another reconciler may have expanded it first: that is success, anything else is not.
      const [now] = (await admin.fetchTopicMetadata({ topics: [change.topic] })).topics;
      if (!now || now.partitions.length < change.to) throw err;
      report.unchanged.push(change.topic);
    }
  }
  return report;
}
