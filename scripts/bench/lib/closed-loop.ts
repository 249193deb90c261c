/**
 * The closed-loop maximum: autocannon keeps `connections` requests outstanding, each connection
 * sending its next request as soon as the previous one is answered, and reports what the server
 * sustained. This measures capacity (the ratio to the bare server), not latency under a rate.
 * @see https://github.com/mcollina/autocannon#api
 */
import { createRequire } from 'node:module';
import type { BenchPayload } from './payloads';

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p97_5: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  '2xx': number;
  duration: number;
}

type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export interface ClosedLoopResult {
  connections: number;
  requestsPerSecond: number;
  ok: number;
  non2xx: number;
  errors: number;
  latencyMs: { p50: number; p97_5: number; p99: number; max: number };
}

export async function runClosedLoop(url: string, payloads: BenchPayload[], connections: number, durationS: number): Promise<ClosedLoopResult> {
  const result = await autocannon({
    url,
    connections,
    pipelining: 1,
    duration: durationS,
    timeout: 30,
    requests: payloads.map((p) => ({ method: 'POST', headers: p.headers, body: p.body })),
  });
  const { p50, p97_5, p99, max } = result.latency;
  return {
    connections,
    requestsPerSecond: Math.round(result['2xx'] / result.duration),
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    latencyMs: { p50, p97_5, p99, max },
  };
}
