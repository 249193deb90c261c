/**
 * The npm runner's metrics, kept as k6 keeps them: one series per metric and tag set, trends in
 * HDR histograms (µs resolution, 3 significant digits), rates as passes/fails, counters as sums.
 * A threshold's selector (`http_req_duration{endpoint:webhook}`) merges every series whose tags
 * include its tags, as k6's sub-metrics do. `summaryData` answers in handleSummary's shape.
 * @see https://github.com/HdrHistogram/HdrHistogramJS
 */
import * as hdr from 'hdr-histogram-js';
import type { MetricType } from '../lib/threshold-syntax.ts';
import type { MetricData } from '../lib/summary.ts';

type Tags = Record<string, string>;

interface Series {
  tags: Tags;
  hist?: hdr.Histogram;
  min: number;
  sum: number;
  passes: number;
  fails: number;
}

interface Metric {
  type: MetricType;
  isTime: boolean;
  series: Map<string, Series>;
}

/** The trend statistics k6 prints (SUMMARY_TREND_STATS). */
const PERCENTILES = [90, 95, 99];
const newHist = () => hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: 3 });

export class Registry {
  private readonly metrics = new Map<string, Metric>();

  declare(name: string, type: MetricType, isTime = false): void {
    if (!this.metrics.has(name)) this.metrics.set(name, { type, isTime, series: new Map() });
  }

  typeOf(name: string): MetricType | undefined {
    return this.metrics.get(name)?.type;
  }

  /** Trends take milliseconds (time) or plain values; rates take 0/1; counters take increments. */
  add(name: string, value: number, tags: Tags = {}): void {
    const metric = this.metrics.get(name);
    if (!metric) throw new Error(`metric ${name} is not declared`);
    const key = JSON.stringify(Object.entries(tags).sort());
    let s = metric.series.get(key);
    if (!s) metric.series.set(key, (s = { tags, min: Infinity, sum: 0, passes: 0, fails: 0, ...(metric.type === 'trend' ? { hist: newHist() } : {}) }));
    if (metric.type === 'trend') {
      s.hist!.recordValue(Math.max(0, Math.round(value * 1000)));
      s.min = Math.min(s.min, value);
      s.sum += value;
    } else if (metric.type === 'rate') {
      if (value) s.passes += 1;
      else s.fails += 1;
    } else s.sum += value;
  }

  /** k6's values for `name` restricted to series carrying `tags`; undefined when nothing was recorded. */
  values(name: string, tags: Tags, durationS: number): MetricData | undefined {
    const metric = this.metrics.get(name);
    if (!metric) return undefined;
    const matching = [...metric.series.values()].filter((s) => Object.entries(tags).every(([k, v]) => s.tags[k] === v));
    if (matching.length === 0) return undefined;
    const contains = metric.isTime ? ('time' as const) : ('default' as const);
    if (metric.type === 'rate') {
      const passes = matching.reduce((n, s) => n + s.passes, 0);
      const fails = matching.reduce((n, s) => n + s.fails, 0);
      return { type: 'rate', contains, values: { rate: passes / (passes + fails), passes, fails } };
    }
    if (metric.type !== 'trend') {
      const count = matching.reduce((n, s) => n + s.sum, 0);
      return { type: metric.type, contains, values: { count, rate: count / Math.max(durationS, 1e-9) } };
    }
    const hist = newHist();
    for (const s of matching) hist.add(s.hist!);
    const ms = (µs: number) => µs / 1000;
    const count = hist.totalCount;
    const values: Record<string, number> = {
      avg: matching.reduce((n, s) => n + s.sum, 0) / count,
      min: Math.min(...matching.map((s) => s.min)),
      med: ms(hist.getValueAtPercentile(50)),
      max: ms(hist.maxValue),
      count,
    };
    for (const p of PERCENTILES) values[`p(${p})`] = ms(hist.getValueAtPercentile(p));
    hist.destroy();
    return { type: 'trend', contains, values };
  }

  /** Every metric without tags, for the summary. */
  names(): string[] {
    return [...this.metrics.keys()];
  }
}
