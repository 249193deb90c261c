/**
 * Makes the cluster match topics.ts: creates missing topics and adds partitions where the
 * declaration has more. It never deletes or shrinks (Kafka cannot remove partitions, and keys
 * would move); a topic with more partitions than declared is reported as a warning.
 * Topic configs converge too: when a declared config differs from the cluster's, the topic's
 * full declared set is written (Kafka's AlterConfigs replaces the set; undeclared dynamic
 * configs return to the broker default, which keeps topics.ts the single source of truth).
 * Safe to run on every deploy and from several places at once.
 * @see https://kafka.js.org/docs/admin#a-name-create-topics-a-create-topics
 * @see https://kafka.js.org/docs/admin#a-name-create-partitions-a-create-partitions
 */
// kafkajs is CommonJS: Node's ESM loader does not see this enum as a named export.
import kafkajs from 'kafkajs';
import type { KafkaAdmin } from './client';
import { physicalTopic, type TopicSpec } from './topics';

const { ConfigResourceTypes } = kafkajs;

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
  /** Topics whose configs were rewritten, with the keys that differed. */
  reconfigured: { topic: string; changed: string[] }[];
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

const RETRIES = 8;

/**
 * Reconciles, again from the start when the broker answers with a retriable error: a broker that
 * has just started (or a topic just created under KRaft) can answer "This server does not host
 * this topic-partition" for a moment, which kafkajs's own wait for leaders does not retry. Each
 * pass is idempotent, so a repeat only finds less to do.
 */
export async function reconcileTopics(
  admin: KafkaAdmin,
  topics: TopicSpec[],
  options: ReconcileOptions = {},
): Promise<ReconcileReport> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await reconcileOnce(admin, topics, options);
    } catch (err) {
      if (attempt >= RETRIES || (err as { retriable?: boolean }).retriable !== true) throw err;
      await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** Math.min(attempt, 4)));
    }
  }
}

async function reconcileOnce(
  admin: KafkaAdmin,
  topics: TopicSpec[],
  options: ReconcileOptions,
): Promise<ReconcileReport> {
  const declared = topics.map((spec) => ({ ...spec, name: physicalTopic(spec.name, options.topicPrefix) }));
  const names = new Set(await admin.listTopics());
  const present = declared.filter((spec) => names.has(spec.name)).map((spec) => spec.name);
  const metadata = present.length > 0 ? (await admin.fetchTopicMetadata({ topics: present })).topics : [];
  const plan = planReconcile(
    declared,
    metadata.map((topic) => ({ name: topic.name, partitions: topic.partitions.length })),
  );

  const report: ReconcileReport = { created: [], expanded: [], reconfigured: [], unchanged: [...plan.unchanged], warnings: plan.warnings };
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
  const existing = declared.filter((spec) => names.has(spec.name));
  for (const spec of existing) {
    const wanted = topicConfigs(spec, options.replicationFactor ?? spec.replicationFactor);
    const changed = await configDrift(admin, spec.name, wanted);
    if (changed.length === 0) continue;
    await admin.alterConfigs({
      validateOnly: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: spec.name, configEntries: Object.entries(wanted).map(([name, value]) => ({ name, value })) }],
    });
    report.reconfigured.push({ topic: spec.name, changed });
  }
  return report;
}

/** The declared config keys whose value on the cluster differs. */
async function configDrift(admin: KafkaAdmin, topic: string, wanted: Record<string, string>): Promise<string[]> {
  const described = await admin.describeConfigs({
    includeSynonyms: false,
    resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: Object.keys(wanted) }],
  });
  const actual = new Map<string, string>(
    (described.resources[0]?.configEntries ?? []).map((entry: { configName: string; configValue: string }) => [entry.configName, entry.configValue]),
  );
  return Object.entries(wanted)
    .filter(([name, value]) => actual.get(name) !== value)
    .map(([name]) => name);
}
