import { describe, expect, it } from 'vitest';
import { find, ofKind, render, tryRender, type Manifest } from './helm';

const env = (job: Manifest) => Object.fromEntries((job.spec.template.spec.containers[0].env as { name: string; value?: string }[]).map((e) => [e.name, e.value ?? e]));

describe('migrations and topics as Helm hook Jobs', () => {
  it('runs migrate, then reconcile-topics, on install and upgrade, replacing the previous run and cleaning up after success', () => {
    const manifests = render();
    const migrate = find(manifests, 'Job', 'dbulk-migrate');
    const topics = find(manifests, 'Job', 'dbulk-reconcile-topics');
    for (const job of [migrate, topics]) {
      expect(job.metadata.annotations).toMatchObject({ 'helm.sh/hook': 'pre-install,pre-upgrade', 'helm.sh/hook-delete-policy': 'before-hook-creation,hook-succeeded' });
      expect(job.spec.template.spec.restartPolicy).toBe('Never');
      expect(job.spec.backoffLimit).toBe(2);
    }
    expect(Number(migrate.metadata.annotations!['helm.sh/hook-weight'])).toBeLessThan(Number(topics.metadata.annotations!['helm.sh/hook-weight']));
  });

  it('runs the bundled deploy commands of the api image', () => {
    const manifests = render();
    expect(find(manifests, 'Job', 'dbulk-migrate').spec.template.spec.containers[0]).toMatchObject({
      image: 'ghcr.io/dbulk/dbulk-api:0.1.0',
      command: ['node', '--enable-source-maps', 'apps/api/dist/deploy/migrate.js'],
    });
    expect(find(manifests, 'Job', 'dbulk-reconcile-topics').spec.template.spec.containers[0].command[2]).toBe('apps/api/dist/deploy/reconcile-topics.js');
  });

  it('hands the reconciler the partition counts, replication factor and prefix from values', () => {
    const topics = find(render({ set: { 'kafka.topics.send.partitions': 48, 'kafka.replicationFactor': 3, 'kafka.topicPrefix': 'stg.', 'sender.autoscaling.maxReplicas': 40 } }), 'Job', 'dbulk-reconcile-topics');
    expect(env(topics)).toMatchObject({
      KAFKA_TOPIC_PARTITIONS: 'dbulk.control=1,dbulk.events=6,dbulk.send=48,dbulk.webhooks=12,dbulk.webhooks.dlq=6',
      KAFKA_REPLICATION_FACTOR: '3',
      KAFKA_TOPIC_PREFIX: 'stg.',
      KAFKA_BROKERS: 'kafka-0.kafka:9092,kafka-1.kafka:9092,kafka-2.kafka:9092',
    });
  });

  it('reads DATABASE_URL from a hook Secret created before the Jobs (the release Secret does not exist yet on install)', () => {
    const manifests = render({ set: { 'secrets.databaseUrl': 'postgres://u:p@db/dbulk' } });
    const hookSecret = find(manifests, 'Secret', 'dbulk-hooks');
    expect(Number(hookSecret.metadata.annotations!['helm.sh/hook-weight'])).toBeLessThan(-10);
    expect(hookSecret.metadata.annotations!['helm.sh/hook']).toBe('pre-install,pre-upgrade');
    expect(Buffer.from(hookSecret.data!.DATABASE_URL!, 'base64').toString()).toBe('postgres://u:p@db/dbulk');
    expect(env(find(manifests, 'Job', 'dbulk-migrate')).DATABASE_URL).toMatchObject({ valueFrom: { secretKeyRef: { name: 'dbulk-hooks', key: 'DATABASE_URL' } } });
  });

  it('reads an existing Secret directly and renders no hook Secret', () => {
    const manifests = render({ set: { 'secrets.existingSecret': 'vault-synced' } });
    expect(ofKind(manifests, 'Secret')).toEqual([]);
    expect(env(find(manifests, 'Job', 'dbulk-migrate')).DATABASE_URL).toMatchObject({ valueFrom: { secretKeyRef: { name: 'vault-synced' } } });
  });

  it('seeds the shipped rate card after the migrations unless turned off', () => {
    expect(env(find(render(), 'Job', 'dbulk-migrate')).SEED_PRICING).toBe('true');
    expect(env(find(render({ set: { 'hooks.migrate.seedPricing': false } }), 'Job', 'dbulk-migrate')).SEED_PRICING).toBe('false');
  });

  it('can turn either hook off', () => {
    const manifests = render({ set: { 'hooks.migrate.enabled': false } });
    expect(ofKind(manifests, 'Job').map((j) => j.metadata.name)).toEqual(['dbulk-reconcile-topics']);
  });
});

describe('service accounts', () => {
  it('runs every app as the release ServiceAccount, without a mounted token', () => {
    const manifests = render();
    const account = find(manifests, 'ServiceAccount', 'dbulk');
    expect(account.automountServiceAccountToken).toBe(false);
    for (const d of ofKind(manifests, 'Deployment')) {
      expect(d.spec.template.spec.serviceAccountName).toBe('dbulk');
      expect(d.spec.template.spec.automountServiceAccountToken).toBe(false);
    }
  });

  it('gives the hook Jobs a ServiceAccount of their own created before them, with the same workload-identity annotations', () => {
    const role = 'arn:aws:iam::123456789012:role/dbulk';
    const manifests = render({ set: { 'serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn': role } });
    const hooks = find(manifests, 'ServiceAccount', 'dbulk-hooks');
    expect(hooks.metadata.annotations).toMatchObject({ 'helm.sh/hook': 'pre-install,pre-upgrade', 'eks.amazonaws.com/role-arn': role });
    expect(find(manifests, 'ServiceAccount', 'dbulk').metadata.annotations).toEqual({ 'eks.amazonaws.com/role-arn': role });
    const weight = (m: Manifest) => Number(m.metadata.annotations!['helm.sh/hook-weight']);
    for (const job of ofKind(manifests, 'Job')) {
      expect(job.spec.template.spec.serviceAccountName).toBe('dbulk-hooks');
      expect(weight(hooks)).toBeLessThan(weight(job));
    }
  });

  it('uses an existing account for apps and hooks when create is false, and refuses a malformed name', () => {
    const manifests = render({ set: { 'serviceAccount.create': false, 'serviceAccount.name': 'platform-apps' } });
    expect(ofKind(manifests, 'ServiceAccount')).toEqual([]);
    for (const m of [...ofKind(manifests, 'Deployment'), ...ofKind(manifests, 'Job')]) expect(m.spec.template.spec.serviceAccountName).toBe('platform-apps');
    expect(tryRender({ set: { 'serviceAccount.name': 'Not_A_Name' } }).ok).toBe(false);
  });
});
