/**
 * The journeys' Client on k6: requests through http.asyncRequest tagged `endpoint` (and `name`,
 * so tRPC query strings never become metric series), checks through k6's check(), custom
 * metrics created here in the init context as k6 requires, and the JSON summary.
 * @see https://grafana.com/docs/k6/latest/javascript-api/k6-http/asyncrequest/
 * @see https://grafana.com/docs/k6/latest/javascript-api/k6-metrics/
 */
import { check, sleep } from 'k6';
import crypto from 'k6/crypto';
import exec from 'k6/execution';
import http from 'k6/http';
import { Counter, Gauge, Rate, Trend } from 'k6/metrics';
import type { Client, MetricDecl } from '../../lib/client.ts';
import type { LoadConfig } from '../../lib/config.ts';
import { compactSummary, summaryPath, textSummary, type SummaryData } from '../../lib/summary.ts';

type Metric = Counter | Gauge | Rate | Trend;

export const hmacHex = (secret: string, body: string): string => crypto.hmac('sha256', secret, body, 'hex');

function metricOf(decl: MetricDecl): Metric {
  switch (decl.type) {
    case 'trend': return new Trend(decl.name, decl.isTime);
    case 'rate': return new Rate(decl.name);
    case 'gauge': return new Gauge(decl.name);
    case 'counter': return new Counter(decl.name);
  }
}

/** Call in the init context (top level of the scenario file). */
export function k6Client(metrics: MetricDecl[]): Client {
  const custom = new Map(metrics.map((m) => [m.name, metricOf(m)]));
  return {
    async request(spec) {
      const res = await http.asyncRequest(spec.method, spec.url, spec.body ?? null, {
        headers: spec.headers,
        tags: { endpoint: spec.endpoint, name: spec.endpoint },
        responseType: 'text',
      });
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(res.headers)) headers[name.toLowerCase()] = value;
      const cookies = Object.values(res.cookies).flat().map((c) => `${c.name}=${c.value}`);
      if (cookies.length) headers['set-cookie'] = cookies.join('\n');
      return { status: res.status, body: typeof res.body === 'string' ? res.body : '', headers };
    },
    check: (name, ok) => check(ok, { [name]: (value) => value === true }),
    add(name, value) {
      const metric = custom.get(name);
      if (!metric) throw new Error(`metric ${name} is not declared by the journey`);
      metric.add(value);
    },
    sleep: async (seconds) => sleep(seconds),
    vu: () => ({ id: exec.vu.idInTest, iteration: exec.vu.iterationInScenario, iterationInTest: exec.scenario.iterationInTest }),
  };
}

/** handleSummary's answer: the text on stdout, the compact JSON under SUMMARY_DIR. */
export function k6Summary(data: SummaryData, scenario: string, cfg: LoadConfig): Record<string, string> {
  const summary = compactSummary(data, { scenario, profile: cfg.profile, runner: 'k6' });
  return { stdout: textSummary(summary), [summaryPath(cfg.summaryDir, scenario, 'k6')]: `${JSON.stringify(summary, null, 2)}\n` };
}
