/**
 * The chart's workloads, run for real: the rendered hook Jobs (migrate, reconcile-topics) run to
 * completion against the local stack, then every rendered Deployment starts as a local process
 * with exactly its command, args and env, passes its readiness probe, and exits 0 on SIGTERM
 * within its termination grace period. What the images add (the filesystem layout) is checked
 * statically in dockerfiles.test.ts.
 */
import { hostname } from 'node:os';
import { deleteTestTopics, testKafka } from '@dbulk/kafka/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ofKind, render, type Manifest } from './helm';
import { startContainer, terminate, waitReady, type LocalPod } from './local-pod';
import { chartDatabaseUrl, writeStackValues, type StackValues } from './stack-values';

let stack: StackValues;
let manifests: Manifest[];
const pods: { pod: LocalPod; deployment: Manifest }[] = [];
const container = (m: Manifest) => m.spec.template.spec.containers[0];
const weight = (job: Manifest) => Number(job.metadata.annotations?.['helm.sh/hook-weight'] ?? 0);

beforeAll(async () => {
  stack = await writeStackValues();
  manifests = render({ values: [stack.file] });
});

afterAll(async () => {
  await Promise.all(pods.map(({ pod }) => terminate(pod, 1)));
  const admin = testKafka().admin();
  await admin.connect();
  try {
    await deleteTestTopics(admin, stack.prefix);
    const controlGroups = pods.filter(({ pod }) => pod.name === 'dbulk-sender').map(({ pod }) => `sender.control-${`${hostname()}-${pod.process.pid}`.toLowerCase().replace(/[^a-z0-9-]/g, '-')}`);
    await admin.deleteGroups([...stack.groups, ...controlGroups]).catch(() => undefined);
  } finally {
    await admin.disconnect();
  }
}, 60_000);

describe('the rendered workloads against the local stack', () => {
  it('runs the hook Jobs in weight order: migrations, then the topics with the values\' partitions', async () => {
    const jobs = ofKind(manifests, 'Job').sort((a, b) => weight(a) - weight(b));
    expect(jobs.map((j) => j.metadata.name)).toEqual(['dbulk-migrate', 'dbulk-reconcile-topics']);
    for (const job of jobs) {
      const pod = await startContainer(job.metadata.name, job.spec.template.spec.containers[0], manifests);
      const code = await Promise.race([pod.exited, new Promise((resolve) => setTimeout(() => resolve('timeout'), 30_000))]);
      expect(code, `${job.metadata.name}:\n${pod.output()}`).toBe(0);
    }
    const admin = testKafka().admin();
    await admin.connect();
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: [`${stack.prefix}dbulk.send`, `${stack.prefix}dbulk.webhooks`] });
      expect(topics.map((t) => t.partitions.length)).toEqual([stack.partitions, stack.partitions]);
    } finally {
      await admin.disconnect();
    }
    // The migrate hook also loaded the shipped rate card (a second run writes nothing).
    const db = new pg.Client({ connectionString: await chartDatabaseUrl() });
    await db.connect();
    try {
      const { rows } = await db.query<{ n: number }>(
        `select count(*)::int as n from pricing_rates r join rate_cards c on c.id = r.rate_card_id where c.source = 'seed'`,
      );
      expect(rows[0]!.n).toBeGreaterThan(200);
    } finally {
      await db.end();
    }
  });

  it('starts every Deployment from its command, args and env until its readiness probe passes', async () => {
    const deployments = ofKind(manifests, 'Deployment');
    expect(deployments.map((d) => d.metadata.name).sort()).toEqual(
      ['admin-web', 'api', 'ingest', 'meta-sandbox', 'planner', 'processor', 'sender', 'tenant-web'].map((n) => `dbulk-${n}`),
    );
    for (const deployment of deployments) pods.push({ pod: await startContainer(deployment.metadata.name, container(deployment), manifests), deployment });
    const times = await Promise.all(pods.map(({ pod, deployment }) => waitReady(pod, container(deployment), 45_000)));
    expect(times.every((ms) => ms < 45_000)).toBe(true);

    const planner = await fetch(`http://127.0.0.1:${pods.find(({ pod }) => pod.name === 'dbulk-planner')!.pod.port}/readyz`).then((r) => r.json());
    expect(planner).toMatchObject({ ready: true, consumer: 'off' });
    const sender = await fetch(`http://127.0.0.1:${pods.find(({ pod }) => pod.name === 'dbulk-sender')!.pod.port}/readyz`).then((r) => r.json());
    expect(sender).toMatchObject({ ready: true, consumer: 'connected', planner: 'off' });
  });

  it('drains every Deployment on SIGTERM and exits 0 within its grace period', async () => {
    expect(pods.length).toBe(8);
    const codes = await Promise.all(pods.map(({ pod, deployment }) => terminate(pod, deployment.spec.template.spec.terminationGracePeriodSeconds)));
    expect(Object.fromEntries(pods.map(({ pod }, i) => [pod.name, codes[i]]))).toEqual(Object.fromEntries(pods.map(({ pod }) => [pod.name, 0])));
  });
});
