import { describe, expect, it } from 'vitest';
import { PRODUCTION_VALUES, find, ofKind, render, tryRender } from './helm';

const name = (component: string) => `dbulk-${component}`;

describe('HPA for api and ingest (CPU), sender and processor (CPU or KEDA), capped at partitions', () => {
  it('renders an autoscaling/v2 CPU HPA per scaled app with the values\' min and max', () => {
    const manifests = render();
    expect(ofKind(manifests, 'HorizontalPodAutoscaler').map((m) => m.metadata.name).sort()).toEqual(['api', 'ingest', 'processor', 'sender'].map(name));
    const sender = find(manifests, 'HorizontalPodAutoscaler', name('sender'));
    expect(sender.spec).toMatchObject({ minReplicas: 2, maxReplicas: 12, scaleTargetRef: { kind: 'Deployment', name: name('sender') } });
    expect(sender.spec.metrics[0].resource).toEqual({ name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } });
    // A scaled Deployment leaves replicas to the HPA (else every upgrade resets it).
    expect(find(manifests, 'Deployment', name('sender')).spec.replicas).toBeUndefined();
    expect(find(manifests, 'Deployment', name('planner')).spec.replicas).toBe(2);
  });

  it('passes the production numbers through', () => {
    const manifests = render({ values: [PRODUCTION_VALUES] });
    expect(find(manifests, 'HorizontalPodAutoscaler', name('api')).spec).toMatchObject({ minReplicas: 3, maxReplicas: 20 });
    expect(find(manifests, 'ScaledObject', name('sender')).spec).toMatchObject({ minReplicaCount: 4, maxReplicaCount: 48 });
  });

  it('fails the render when sender or processor could scale past their topic\'s partitions, naming both', () => {
    const result = tryRender({ set: { 'sender.autoscaling.maxReplicas': 13, 'processor.autoscaling.maxReplicas': 20, 'kafka.topics.webhooks.partitions': 8 } });
    expect(result.ok).toBe(false);
    expect(result.stderr).toMatch(/sender can scale to 13 replicas but kafka.topics.send.partitions is 12/);
    expect(result.stderr).toMatch(/processor can scale to 20 replicas but kafka.topics.webhooks.partitions is 8/);
  });

  it('accepts more replicas once the partitions are raised (the upgrade hook adds them)', () => {
    expect(tryRender({ set: { 'sender.autoscaling.maxReplicas': 24, 'kafka.topics.send.partitions': 24 } }).ok).toBe(true);
  });

  it('caps fixed replicas too when autoscaling is off', () => {
    const result = tryRender({ set: { 'sender.autoscaling.enabled': false, 'sender.replicas': 16 } });
    expect(result.stderr).toMatch(/sender can scale to 16 replicas/);
    const manifests = render({ set: { 'sender.autoscaling.enabled': false, 'sender.replicas': 6 } });
    expect(find(manifests, 'Deployment', name('sender')).spec.replicas).toBe(6);
    expect(ofKind(manifests, 'HorizontalPodAutoscaler').map((m) => m.metadata.name)).not.toContain(name('sender'));
  });

  it('refuses minReplicas above maxReplicas', () => {
    expect(tryRender({ set: { 'api.autoscaling.minReplicas': 11 } }).stderr).toMatch(/api.autoscaling.minReplicas \(11\) is above maxReplicas \(10\)/);
  });

  it('switches sender and processor to KEDA ScaledObjects on consumer lag when keda.enabled, keeping api and ingest on the HPA', () => {
    const manifests = render({ set: { 'keda.enabled': true, 'kafka.topicPrefix': 'staging.' } });
    expect(ofKind(manifests, 'HorizontalPodAutoscaler').map((m) => m.metadata.name).sort()).toEqual([name('api'), name('ingest')]);
    const sender = find(manifests, 'ScaledObject', name('sender'));
    expect(sender.spec).toMatchObject({ minReplicaCount: 2, maxReplicaCount: 12, scaleTargetRef: { name: name('sender') } });
    expect(sender.spec.triggers[0]).toMatchObject({
      type: 'kafka',
      metadata: { consumerGroup: 'sender.send', topic: 'staging.dbulk.send', lagThreshold: '200', allowIdleConsumers: 'false' },
    });
    expect(find(manifests, 'ScaledObject', name('processor')).spec.triggers[0].metadata).toMatchObject({ consumerGroup: 'processor.webhooks', topic: 'staging.dbulk.webhooks' });
    expect(find(manifests, 'Deployment', name('sender')).spec.replicas).toBeUndefined();
  });

  it('keeps the partition cap under KEDA', () => {
    expect(tryRender({ set: { 'keda.enabled': true, 'processor.autoscaling.maxReplicas': 13 } }).stderr).toMatch(/processor can scale to 13/);
  });

  it('renders no ScaledObject without keda', () => {
    expect(ofKind(render(), 'ScaledObject')).toEqual([]);
  });
});
