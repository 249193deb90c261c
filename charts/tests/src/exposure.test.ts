import { describe, expect, it } from 'vitest';
import { find, ofKind, render, tryRender } from './helm';

const paths = (ingress: { spec: { rules: { host: string; http: { paths: { path: string; backend: { service: { name: string } } }[] } }[] } }) =>
  ingress.spec.rules.map((r) => [r.host, r.http.paths.map((p) => `${p.path}→${p.backend.service.name}`)]);

describe('Services, Ingress, NetworkPolicy, ServiceMonitor', () => {
  it('serves each web app with the api on the same host (same-origin session cookie) and ingest on its own', () => {
    const manifests = render();
    expect(paths(find(manifests, 'Ingress', 'dbulk-web') as never)).toEqual([
      ['app.example.com', ['/trpc→dbulk-api', '/uploads→dbulk-api', '/exports→dbulk-api', '/→dbulk-tenant-web']],
      ['admin.example.com', ['/trpc→dbulk-api', '/uploads→dbulk-api', '/exports→dbulk-api', '/→dbulk-admin-web']],
    ]);
    expect(paths(find(manifests, 'Ingress', 'dbulk-ingest') as never)).toEqual([['hooks.example.com', ['/webhooks→dbulk-ingest']]]);
    expect(ofKind(manifests, 'Ingress').map((i) => i.metadata.name)).not.toContain('dbulk-api');
    expect(ofKind(render({ set: { 'ingress.hosts.api': 'api.example.com' } }), 'Ingress').map((i) => i.metadata.name)).toContain('dbulk-api');
    expect(ofKind(render({ set: { 'ingress.enabled': false } }), 'Ingress')).toEqual([]);
  });

  it('points every Service at its Deployment\'s pods on the http port', () => {
    const manifests = render();
    for (const service of ofKind(manifests, 'Service')) {
      const deployment = find(manifests, 'Deployment', service.metadata.name);
      expect(service.spec.selector).toEqual(deployment.spec.selector.matchLabels);
      expect(service.spec.ports[0]).toMatchObject({ name: 'http', targetPort: 'http', port: deployment.spec.template.spec.containers[0].ports[0].containerPort });
    }
  });

  it('limits ingress traffic: public apps from the ingress controller, workers only from the release and monitoring', () => {
    const manifests = render();
    const workers = find(manifests, 'NetworkPolicy', 'dbulk-workers');
    expect(workers.spec.podSelector.matchExpressions[1].values).toEqual(['sender', 'planner', 'processor', 'meta-sandbox']);
    expect(JSON.stringify(workers.spec.ingress)).not.toContain('ingress-nginx');
    expect(JSON.stringify(find(manifests, 'NetworkPolicy', 'dbulk-public').spec.ingress)).toContain('ingress-nginx');
    expect(ofKind(render({ set: { 'networkPolicy.enabled': false } }), 'NetworkPolicy')).toEqual([]);
  });

  it('scrapes /metrics of the Node apps only when serviceMonitor.enabled', () => {
    expect(ofKind(render(), 'ServiceMonitor')).toEqual([]);
    const manifests = render({ set: { 'serviceMonitor.enabled': true } });
    const monitor = find(manifests, 'ServiceMonitor', 'dbulk');
    expect(monitor.spec.endpoints).toEqual([{ port: 'http', path: '/metrics', interval: '30s' }]);
    const scraped = ofKind(manifests, 'Service').filter((s) => s.metadata.labels!['dbulk.io/metrics'] === 'true').map((s) => s.metadata.name).sort();
    expect(scraped).toEqual(['dbulk-api', 'dbulk-ingest', 'dbulk-planner', 'dbulk-processor', 'dbulk-sender']);
  });

  it('points the api and sender at the sandbox only when asked, and refuses that on a production-like release', () => {
    const staging = render({ set: { 'metaSandbox.enabled': true, 'kafka.topicPrefix': 'stg.' } });
    expect(find(staging, 'ConfigMap', 'dbulk-config').data).toMatchObject({ META_GRAPH_URL: 'http://dbulk-meta-sandbox:4010', META_SANDBOX_URL: 'http://dbulk-meta-sandbox:4010' });
    expect(find(render(), 'ConfigMap', 'dbulk-config').data!.META_GRAPH_URL).toBe('https://graph.facebook.com');
    expect(tryRender({ set: { 'metaSandbox.enabled': true } }).stderr).toMatch(/metaSandbox.useForGraph sends every tenant's messages to the simulator/);
  });
});
