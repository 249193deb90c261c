import { describe, expect, it } from 'vitest';
import { compactSummary } from '../lib/summary.ts';
import { endpointThresholds } from '../lib/thresholds.ts';
import { summaryData } from './judge.ts';
import { Registry } from './metrics.ts';

function registry() {
  const r = new Registry();
  r.declare('http_req_duration', 'trend', true);
  r.declare('http_req_failed', 'rate');
  r.declare('dropped_iterations', 'counter');
  r.declare('checks', 'rate');
  return r;
}

const judge = (r: Registry, thresholds: Record<string, string[]>) =>
  compactSummary(summaryData(r, thresholds, 10_000), { scenario: 'synthetic', profile: 'smoke', runner: 'npm' });

describe('the runner judges thresholds', () => {
  it('fails a run whose webhook p99 misses its budget, naming the threshold', () => {
    const r = registry();
    for (let i = 0; i < 97; i++) r.add('http_req_duration', 20, { endpoint: 'webhook' });
    for (let i = 0; i < 3; i++) r.add('http_req_duration', 900, { endpoint: 'webhook' });
    for (let i = 0; i < 100; i++) r.add('http_req_failed', 0, { endpoint: 'webhook' });
    const s = judge(r, endpointThresholds(['webhook']));
    expect(s.ok).toBe(false);
    expect(s.thresholds.filter((t) => !t.ok)).toEqual([{ metric: 'http_req_duration{endpoint:webhook}', threshold: 'p(99)<500', ok: false }]);
    expect(s.endpoints.webhook).toMatchObject({ requests: 100, errorRate: 0 });
    expect(s.endpoints.webhook!.p99Ms).toBeGreaterThan(500);
  });

  it('passes the same budgets when every request is fast and none failed', () => {
    const r = registry();
    for (let i = 0; i < 100; i++) {
      r.add('http_req_duration', 20 + (i % 7), { endpoint: 'webhook' });
      r.add('http_req_failed', 0, { endpoint: 'webhook' });
    }
    const s = judge(r, { ...endpointThresholds(['webhook']), dropped_iterations: ['count<1'] });
    expect(s.ok).toBe(true);
    expect(s.endpoints.webhook!.p95Ms).toBeCloseTo(26, 0);
  });

  it('fails on an error rate over budget and judges each endpoint on its own', () => {
    const r = registry();
    for (let i = 0; i < 100; i++) {
      r.add('http_req_duration', 10, { endpoint: 'campaigns_list' });
      r.add('http_req_failed', i < 2 ? 1 : 0, { endpoint: 'campaigns_list' });
      r.add('http_req_duration', 10, { endpoint: 'contacts_search' });
      r.add('http_req_failed', 0, { endpoint: 'contacts_search' });
    }
    const s = judge(r, endpointThresholds(['campaigns_list', 'contacts_search']));
    expect(s.thresholds.filter((t) => !t.ok).map((t) => t.metric)).toEqual(['http_req_failed{endpoint:campaigns_list}']);
    expect(s.endpoints.campaigns_list!.errorRate).toBe(0.02);
  });

  it('fails a threshold on an endpoint that was never called, but reads a silent counter as zero', () => {
    const r = registry();
    const s = judge(r, { ...endpointThresholds(['dashboard_stats']), dropped_iterations: ['count<1'] });
    expect(s.thresholds.filter((t) => t.ok).map((t) => t.metric)).toEqual(['dropped_iterations']);
    expect(s.ok).toBe(false);
  });

  it('counts dropped iterations against count<1', () => {
    const r = registry();
    r.add('dropped_iterations', 3);
    expect(judge(r, { dropped_iterations: ['count<1'] }).ok).toBe(false);
  });
});
