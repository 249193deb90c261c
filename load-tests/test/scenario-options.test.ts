/**
 * Every k6 scenario file's real `options`, for every profile, checked as k6 would check them
 * before starting: known executors with the fields they need, durations that parse, thresholds
 * whose keys name metrics and tags that exist and whose expressions parse and fit the metric's
 * type — and each endpoint the journey calls has its p95, p99 and error-rate thresholds.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseDuration } from '../lib/duration.ts';
import { journeyFor, SCENARIOS } from '../lib/journeys/index.ts';
import { PROFILES, type Executor } from '../lib/profiles.ts';
import { AGGREGATIONS, checkAggregation, expressionText, parseExpression, parseSelector, type MetricType } from '../lib/threshold-syntax.ts';

/** k6's built-in metrics and their types. */
const BUILTIN: Record<string, MetricType> = {
  http_req_duration: 'trend', http_req_waiting: 'trend', http_req_failed: 'rate', http_reqs: 'counter', checks: 'rate',
  iterations: 'counter', iteration_duration: 'trend', dropped_iterations: 'counter', vus: 'gauge', vus_max: 'gauge',
  data_sent: 'counter', data_received: 'counter',
};
const EXECUTOR_FIELDS: Record<Executor['executor'], string[]> = {
  'constant-arrival-rate': ['rate', 'duration', 'preAllocatedVUs'],
  'ramping-arrival-rate': ['stages', 'preAllocatedVUs'],
  'constant-vus': ['duration'],
  'ramping-vus': ['stages'],
  'per-vu-iterations': [],
  'shared-iterations': [],
};
const DURATION_FIELDS = ['duration', 'maxDuration', 'gracefulStop', 'gracefulRampDown', 'startTime', 'timeUnit'] as const;

interface ScenarioModule {
  options: { scenarios: Record<string, Executor>; thresholds: Record<string, (string | { threshold: string })[]>; summaryTrendStats: string[] };
  default: unknown;
  setup: unknown;
  handleSummary: unknown;
}

async function load(name: string, profile: string): Promise<ScenarioModule> {
  (globalThis as { __ENV?: Record<string, string> }).__ENV = { PROFILE: profile };
  return (await import(`../scenarios/${name}.ts`)) as ScenarioModule;
}

beforeEach(() => vi.resetModules());

describe.each(SCENARIOS)('scenarios/%s.ts', (name) => {
  const journey = journeyFor(name, () => '');
  const declared = Object.fromEntries(journey.metrics.map((m) => [m.name, m.type]));

  it('exports setup, a default function and handleSummary', async () => {
    const mod = await load(name, 'smoke');
    expect([typeof mod.setup, typeof mod.default, typeof mod.handleSummary]).toEqual(['function', 'function', 'function']);
  });

  it.each(PROFILES)('has a valid executor for the %s profile', async (profile) => {
    const { options } = await load(name, profile);
    const scenarios = Object.values(options.scenarios);
    expect(scenarios).toHaveLength(1);
    for (const s of scenarios) {
      expect(Object.keys(EXECUTOR_FIELDS)).toContain(s.executor);
      for (const field of EXECUTOR_FIELDS[s.executor]) expect(s, `${s.executor} needs ${field}`).toHaveProperty(field);
      const record = s as unknown as Record<string, unknown>;
      for (const field of DURATION_FIELDS) if (record[field] !== undefined) expect(parseDuration(record[field] as string)).toBeGreaterThan(0);
      for (const stage of 'stages' in s ? s.stages : []) expect(parseDuration(stage.duration)).toBeGreaterThan(0);
      if ('rate' in s) expect(s.rate).toBeGreaterThan(0);
    }
    if (profile === 'smoke') expect(['constant-arrival-rate', 'per-vu-iterations']).toContain(scenarios[0]!.executor);
  });

  it.each(PROFILES)('has thresholds k6 accepts for the %s profile', async (profile) => {
    const { options } = await load(name, profile);
    expect(Object.keys(options.thresholds).length).toBeGreaterThan(0);
    for (const [key, list] of Object.entries(options.thresholds)) {
      const selector = parseSelector(key);
      const type = BUILTIN[selector.metric] ?? declared[selector.metric];
      expect(type, `${key} names a metric that exists`).toBeDefined();
      for (const [tag, value] of Object.entries(selector.tags)) {
        expect(tag, key).toBe('endpoint');
        expect(journey.endpoints, key).toContain(value);
      }
      expect(list.length).toBeGreaterThan(0);
      for (const threshold of list) {
        const expression = parseExpression(expressionText(threshold));
        expect(() => checkAggregation(type!, expression, key)).not.toThrow();
        if (expression.aggregation.startsWith('p(')) expect(options.summaryTrendStats).toContain(expression.aggregation);
      }
    }
  });

  it('judges every endpoint it calls on p95, p99 and error rate', async () => {
    const { options } = await load(name, 'average');
    expect(journey.endpoints.length).toBeGreaterThan(0);
    for (const endpoint of journey.endpoints) {
      const durations = options.thresholds[`http_req_duration{endpoint:${endpoint}}`]?.map(expressionText) ?? [];
      expect(durations.some((t) => t.startsWith('p(95)<'))).toBe(true);
      expect(durations.some((t) => t.startsWith('p(99)<'))).toBe(true);
      expect(options.thresholds[`http_req_failed{endpoint:${endpoint}}`]?.map(expressionText)).toEqual([expect.stringMatching(/^rate<0\.\d+$/)]);
    }
  });
});

describe('threshold syntax', () => {
  it('rejects what k6 rejects', () => {
    expect(() => parseExpression('p95<300')).toThrow();
    expect(() => parseExpression('p(95) < ')).toThrow();
    expect(() => parseSelector('http_req_duration{endpoint}')).toThrow();
    expect(() => checkAggregation('rate', parseExpression('p(95)<1'), 'x')).toThrow();
    expect(() => checkAggregation('trend', parseExpression('rate<0.1'), 'x')).toThrow();
    expect(AGGREGATIONS.trend.test('p(99.9)')).toBe(true);
  });

  it('reads selectors and expressions', () => {
    expect(parseSelector('http_req_duration{endpoint:webhook,method:POST}')).toEqual({ metric: 'http_req_duration', tags: { endpoint: 'webhook', method: 'POST' } });
    expect(parseExpression('p(99.9) <= 250')).toEqual({ aggregation: 'p(99.9)', operator: '<=', value: 250 });
  });
});

describe('durations', () => {
  it('parses k6 durations and rejects the rest', () => {
    expect(parseDuration('1m30s')).toBe(90_000);
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('2h')).toBe(7_200_000);
    expect(parseDuration('1.5m')).toBe(90_000);
    expect(() => parseDuration('10 s')).toThrow();
    expect(() => parseDuration('ten')).toThrow();
  });
});
