import { describe, expect, it } from 'vitest';
import { PRODUCTION_VALUES, render } from './helm';
import { schemaProblems } from './k8s-schemas';

const FULL = { 'keda.enabled': true, 'serviceMonitor.enabled': true, 'metaSandbox.enabled': true, 'config.nodeEnv': 'development', 'ingress.hosts.api': 'api.example.com', 'extraCaCerts.secretName': 'ca' };

describe('rendered manifests against the Kubernetes schemas (offline)', () => {
  it.each([
    ['the default values', {}],
    ['values-production.yaml', { values: [PRODUCTION_VALUES] }],
    ['every optional resource on', { set: FULL }],
  ])('validates every object rendered with %s', (_label, options) => {
    const manifests = render(options);
    expect(manifests.length).toBeGreaterThan(20);
    expect(schemaProblems(manifests)).toEqual([]);
  });

  it('catches a manifest the API server would reject', () => {
    const [deployment] = render().filter((m) => m.kind === 'Deployment');
    const broken = structuredClone(deployment!);
    broken.spec.template.spec.containers[0].ports[0].containerPort = 'http';
    expect(schemaProblems([broken]).join('\n')).toMatch(/containerPort/);
    expect(schemaProblems([{ ...deployment!, apiVersion: 'keda.sh/v1alpha1', kind: 'ScaledObject', spec: {} }]).join('\n')).toMatch(/scaleTargetRef/);
  });
});
