import { describe, expect, it } from 'vitest';
import { PRODUCTION_VALUES, find, ofKind, render, type Manifest } from './helm';

const APPS = ['api', 'ingest', 'sender', 'planner', 'processor', 'tenant-web', 'admin-web'];
const container = (d: Manifest) => d.spec.template.spec.containers[0];
const envOf = (d: Manifest) => Object.fromEntries((container(d).env as { name: string; value?: string }[]).map((e) => [e.name, e.value ?? e]));

describe('Deployments', () => {
  const manifests = render();
  const deployments = ofKind(manifests, 'Deployment');

  it('deploys every app, the planner on its own, and no sandbox by default', () => {
    expect(deployments.map((d) => d.metadata.name.replace('dbulk-', '')).sort()).toEqual([...APPS].sort());
    expect(render({ set: { 'metaSandbox.enabled': true, 'config.nodeEnv': 'development' } }).some((m) => m.kind === 'Deployment' && m.metadata.name === 'dbulk-meta-sandbox')).toBe(true);
  });

  it.each(APPS)('%s has startup and liveness probes on /healthz and readiness on /readyz, on its http port', (app) => {
    const c = container(find(manifests, 'Deployment', `dbulk-${app}`));
    expect(c.startupProbe.httpGet).toEqual({ path: '/healthz', port: 'http' });
    expect(c.livenessProbe.httpGet).toEqual({ path: '/healthz', port: 'http' });
    expect(c.readinessProbe.httpGet).toEqual({ path: '/readyz', port: 'http' });
    expect(c.ports).toEqual([{ name: 'http', containerPort: Number(envOf(find(manifests, 'Deployment', `dbulk-${app}`)).PORT), protocol: 'TCP' }]);
    // A slow start (migrating pool, broker metadata) gets a minute before liveness applies.
    expect(c.startupProbe.periodSeconds * c.startupProbe.failureThreshold).toBeGreaterThanOrEqual(60);
  });

  it.each(APPS)('%s runs non-root with a read-only root, no privilege escalation, no capabilities, RuntimeDefault seccomp and a writable /tmp', (app) => {
    const d = find(manifests, 'Deployment', `dbulk-${app}`);
    const pod = d.spec.template.spec;
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' } });
    expect(container(d).securityContext).toEqual({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
    expect(container(d).volumeMounts).toContainEqual({ name: 'tmp', mountPath: '/tmp' });
    expect(pod.volumes).toContainEqual({ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } });
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(container(d).resources.requests).toHaveProperty('cpu');
    expect(container(d).resources.limits).toHaveProperty('memory');
  });

  it('gives consumers a grace period longer than preStop plus their 25 s drain', () => {
    for (const app of ['sender', 'planner', 'processor']) {
      const d = find(manifests, 'Deployment', `dbulk-${app}`);
      const preStop = Number(container(d).lifecycle.preStop.exec.command[1]);
      expect(container(d).lifecycle.preStop.exec.command[0]).toBe('sleep');
      expect(d.spec.template.spec.terminationGracePeriodSeconds).toBeGreaterThan(preStop + 25);
    }
  });

  it('runs the sender image twice: consumers without the planner, and a planner without a consumer', () => {
    const sender = find(manifests, 'Deployment', 'dbulk-sender');
    const planner = find(manifests, 'Deployment', 'dbulk-planner');
    expect(container(sender).image).toBe(container(planner).image);
    expect(envOf(sender)).toMatchObject({ PLANNER_ENABLED: 'false', SENDER_CONSUMER_ENABLED: 'true' });
    expect(envOf(planner)).toMatchObject({ PLANNER_ENABLED: 'true', SENDER_CONSUMER_ENABLED: 'false' });
  });

  it('gives each app only the Secret keys it reads (ingest never sees the database URL)', () => {
    const keys = (app: string) => Object.entries(envOf(find(manifests, 'Deployment', `dbulk-${app}`))).filter(([, v]) => typeof v === 'object').map(([k]) => k).sort();
    expect(keys('ingest')).toEqual(['META_APP_SECRET', 'META_WEBHOOK_VERIFY_TOKEN']);
    expect(keys('processor')).toEqual(['DATABASE_URL']);
    expect(keys('tenant-web')).toEqual([]);
    expect(keys('api')).toEqual(['DATABASE_URL', 'ENCRYPTION_KEY', 'ENCRYPTION_KEYS_PREVIOUS', 'META_APP_SECRET']);
  });

  it('rolls pods when the ConfigMap changes (checksum annotation)', () => {
    const before = find(manifests, 'Deployment', 'dbulk-api').spec.template.metadata.annotations['checksum/config'];
    const after = find(render({ set: { 'config.logLevel': 'debug' } }), 'Deployment', 'dbulk-api').spec.template.metadata.annotations['checksum/config'];
    expect(after).not.toBe(before);
  });

  it('passes per-app env, SASL and a private CA through', () => {
    const prod = render({ values: [PRODUCTION_VALUES] });
    const sender = find(prod, 'Deployment', 'dbulk-sender');
    expect(envOf(sender)).toMatchObject({ SENDER_CONCURRENCY: '64', NODE_EXTRA_CA_CERTS: '/etc/dbulk/ca/ca.crt' });
    expect(envOf(sender).KAFKA_SASL_PASSWORD).toMatchObject({ valueFrom: { secretKeyRef: { name: 'dbulk-secrets', key: 'KAFKA_SASL_PASSWORD' } } });
    expect(sender.spec.template.spec.volumes).toContainEqual({ name: 'ca', secret: { secretName: 'dbulk-ca' } });
    expect(find(prod, 'ConfigMap', 'dbulk-config').data).toMatchObject({ KAFKA_SSL: 'true', KAFKA_SASL_MECHANISM: 'scram-sha-512' });
  });
});

describe('PodDisruptionBudgets', () => {
  it('protects every app with a PDB selecting exactly its pods', () => {
    const manifests = render();
    const pdbs = ofKind(manifests, 'PodDisruptionBudget');
    expect(pdbs.map((p) => p.metadata.name.replace('dbulk-', '')).sort()).toEqual([...APPS].sort());
    for (const pdb of pdbs) {
      const deployment = find(manifests, 'Deployment', pdb.metadata.name);
      expect(pdb.spec.selector.matchLabels).toEqual(deployment.spec.selector.matchLabels);
      expect(pdb.spec.minAvailable).toBe(1);
    }
  });

  it('takes maxUnavailable instead of minAvailable, or no PDB', () => {
    const manifests = render({ set: { 'sender.pdb.maxUnavailable': 2, 'api.pdb.enabled': false } });
    expect(find(manifests, 'PodDisruptionBudget', 'dbulk-sender').spec).toMatchObject({ maxUnavailable: 2 });
    expect(find(manifests, 'PodDisruptionBudget', 'dbulk-sender').spec.minAvailable).toBeUndefined();
    expect(ofKind(manifests, 'PodDisruptionBudget').map((p) => p.metadata.name)).not.toContain('dbulk-api');
  });
});
