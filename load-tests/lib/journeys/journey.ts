/**
 * A journey: what one iteration does, what setup prepares once, which custom metrics it
 * records, and its k6 options (scenarios from a profile, thresholds per endpoint tag). The k6
 * scenario files and the npm runner both take these objects as they are. Plain module.
 */
import type { Client, MetricDecl } from '../client.ts';
import type { LoadConfig } from '../config.ts';
import type { Executor } from '../profiles.ts';
import { endpointThresholds, SUMMARY_TREND_STATS, type Endpoint } from '../thresholds.ts';

export interface JourneyOptions {
  scenarios: Record<string, Executor>;
  thresholds: Record<string, string[]>;
  summaryTrendStats: string[];
  /** Request tags stay low-cardinality: the endpoint names the URL (`name` is set per request). */
  tags?: Record<string, string>;
  setupTimeout?: string;
  teardownTimeout?: string;
}

export interface Journey<Data> {
  name: string;
  /** Every endpoint tag the journey's requests carry; each gets its own thresholds. */
  endpoints: Endpoint[];
  metrics: MetricDecl[];
  /** Thresholds on the custom metrics and checks, beyond the per-endpoint ones. */
  extraThresholds(cfg: LoadConfig): Record<string, string[]>;
  executor(cfg: LoadConfig): Executor;
  setup(client: Client, cfg: LoadConfig): Promise<Data>;
  iteration(client: Client, cfg: LoadConfig, data: Data): Promise<void>;
}

export function journeyOptions<D>(journey: Journey<D>, cfg: LoadConfig): JourneyOptions {
  return {
    scenarios: { [journey.name.replaceAll('-', '_')]: journey.executor(cfg) },
    thresholds: { ...endpointThresholds(journey.endpoints), ...journey.extraThresholds(cfg) },
    summaryTrendStats: SUMMARY_TREND_STATS,
    tags: { journey: journey.name },
    setupTimeout: '2m',
  };
}

/**
 * One iteration, with its outcome as the `iteration completed` check: a journey that throws
 * (an unexpected answer) fails the checks threshold under k6 and the npm runner alike.
 */
export async function runIteration<D>(journey: Journey<D>, client: Client, cfg: LoadConfig, data: D): Promise<void> {
  try {
    await journey.iteration(client, cfg, data);
    client.check('iteration completed', true);
  } catch (err) {
    client.check('iteration completed', false);
    throw err;
  }
}
