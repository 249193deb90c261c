/**
 * The JSON summary both runners write: k6's handleSummary data (or the npm runner's data in the
 * same shape) reduced to what a reader or a CI check wants — did every threshold hold, and each
 * endpoint's requests, p95, p99 and error rate. Plain module.
 * @see https://grafana.com/docs/k6/latest/results-output/end-of-test/custom-summary/
 */
export interface MetricData {
  type: 'trend' | 'rate' | 'counter' | 'gauge';
  contains?: 'time' | 'default' | 'data';
  values: Record<string, number>;
  thresholds?: Record<string, { ok: boolean }>;
}

/** The part of k6's summary data this module reads. */
export interface SummaryData {
  metrics: Record<string, MetricData>;
  state: { testRunDurationMs: number };
}

export interface ThresholdResult {
  metric: string;
  threshold: string;
  ok: boolean;
}

export interface EndpointSummary {
  requests: number;
  p95Ms: number | null;
  p99Ms: number | null;
  errorRate: number | null;
}

export interface CompactSummary {
  scenario: string;
  profile: string;
  runner: 'k6' | 'npm';
  ok: boolean;
  durationMs: number;
  thresholds: ThresholdResult[];
  endpoints: Record<string, EndpointSummary>;
  metrics: Record<string, Record<string, number>>;
}

const ENDPOINT_KEY = /^(http_req_duration|http_req_failed)\{endpoint:([^}]+)\}$/;
const round = (n: number | undefined) => (n === undefined ? null : Math.round(n * 100) / 100);

export function compactSummary(data: SummaryData, meta: { scenario: string; profile: string; runner: 'k6' | 'npm' }): CompactSummary {
  const thresholds: ThresholdResult[] = [];
  const endpoints: Record<string, EndpointSummary> = {};
  const metrics: Record<string, Record<string, number>> = {};
  for (const [name, metric] of Object.entries(data.metrics)) {
    for (const [threshold, result] of Object.entries(metric.thresholds ?? {})) thresholds.push({ metric: name, threshold, ok: result.ok });
    const m = ENDPOINT_KEY.exec(name);
    if (m) {
      const e = (endpoints[m[2]!] ??= { requests: 0, p95Ms: null, p99Ms: null, errorRate: null });
      if (m[1] === 'http_req_duration') {
        e.requests = metric.values.count ?? e.requests;
        e.p95Ms = round(metric.values['p(95)']);
        e.p99Ms = round(metric.values['p(99)']);
      } else e.errorRate = round(metric.values.rate);
    } else if (!name.includes('{')) metrics[name] = Object.fromEntries(Object.entries(metric.values).map(([k, v]) => [k, round(v) ?? 0]));
  }
  return { ...meta, ok: thresholds.every((t) => t.ok), durationMs: Math.round(data.state.testRunDurationMs), thresholds, endpoints, metrics };
}

/** One line per endpoint and per failed threshold, for a terminal. */
export function textSummary(s: CompactSummary): string {
  const lines = [`${s.scenario} (${s.profile}, ${s.runner}): ${s.ok ? 'all thresholds passed' : 'THRESHOLDS FAILED'} in ${(s.durationMs / 1000).toFixed(1)} s`];
  for (const [name, e] of Object.entries(s.endpoints)) {
    lines.push(`  ${name.padEnd(18)} ${String(e.requests).padStart(6)} req  p95 ${e.p95Ms ?? '-'} ms  p99 ${e.p99Ms ?? '-'} ms  errors ${e.errorRate === null ? '-' : (e.errorRate * 100).toFixed(2) + ' %'}`);
  }
  for (const t of s.thresholds.filter((x) => !x.ok)) lines.push(`  ✗ ${t.metric}: ${t.threshold}`);
  return `${lines.join('\n')}\n`;
}

export function summaryPath(dir: string, scenario: string, runner: 'k6' | 'npm'): string {
  return `${dir}/${scenario}.${runner}.summary.json`;
}
