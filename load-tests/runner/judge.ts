/**
 * Thresholds judged the way k6 judges them, from the runner's registry: each key's selector picks
 * the series, each expression is checked against the metric's type and evaluated on its value.
 * A threshold on a metric that got no samples fails (a journey that never reached an endpoint
 * must not pass), except counters, which read as zero — as `dropped_iterations` does in k6.
 */
import { checkAggregation, expressionText, holds, parseExpression, parseSelector } from '../lib/threshold-syntax.ts';
import type { MetricData, SummaryData } from '../lib/summary.ts';
import type { Registry } from './metrics.ts';

export function summaryData(registry: Registry, thresholds: Record<string, string[]>, durationMs: number): SummaryData {
  const seconds = durationMs / 1000;
  const metrics: Record<string, MetricData> = {};
  for (const name of registry.names()) {
    const data = registry.values(name, {}, seconds);
    if (data) metrics[name] = data;
  }
  for (const [key, list] of Object.entries(thresholds)) {
    const selector = parseSelector(key);
    const type = registry.typeOf(selector.metric);
    let data = registry.values(selector.metric, selector.tags, seconds);
    if (!data && type === 'counter') data = { type, values: { count: 0, rate: 0 } };
    const results: Record<string, { ok: boolean }> = {};
    for (const threshold of list) {
      const text = expressionText(threshold);
      const expression = parseExpression(text);
      if (type) checkAggregation(type, expression, key);
      const actual = data?.values[expression.aggregation];
      results[text] = { ok: actual !== undefined && holds(expression, actual) };
    }
    metrics[key] = { ...(data ?? { type: type ?? 'counter', values: {} }), thresholds: results };
  }
  return { metrics, state: { testRunDurationMs: durationMs } };
}
