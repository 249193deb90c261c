/**
 * What a journey may do, whoever runs it: k6 (scenarios/support/k6-client.ts, on http.asyncRequest
 * and k6/metrics) or the npm runner (runner/client.ts, on undici and hdr-histogram-js). Journeys
 * are async functions over this interface, so both play the very same requests.
 * Plain module.
 */
import type { Endpoint } from './thresholds.ts';
import type { MetricType } from './threshold-syntax.ts';

export interface RequestSpec {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** The `endpoint` tag every threshold selects on. */
  endpoint: Endpoint;
}

export interface Reply {
  status: number;
  body: string;
  /** Lower-case names; `set-cookie` joined with '\n'. */
  headers: Record<string, string>;
}

export interface Client {
  request(spec: RequestSpec): Promise<Reply>;
  /** Counts into the `checks` rate; returns `ok`. */
  check(name: string, ok: boolean): boolean;
  /** Adds a sample to a custom metric the journey declared. */
  add(metric: string, value: number): void;
  sleep(seconds: number): Promise<void>;
  /** Which VU this is (1-based), its iteration and the iteration across the whole test (0-based), as k6's `exec`. */
  vu(): { id: number; iteration: number; iterationInTest: number };
}

export interface MetricDecl {
  name: string;
  type: MetricType;
  /** Trend of durations (k6 prints it as time). */
  isTime?: boolean;
}

/** Fails the iteration with what went wrong (k6 counts it as a failed iteration; the runner too). */
export class JourneyError extends Error {}

export function expectStatus(reply: Reply, status: number, what: string): Reply {
  if (reply.status !== status) throw new JourneyError(`${what}: HTTP ${reply.status} ${reply.body.slice(0, 300)}`);
  return reply;
}
