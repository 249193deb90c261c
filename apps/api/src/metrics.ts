/**
 * Prometheus metrics. One registry per app instance (not prom-client's global one), so several
 * apps in one test process, or in the all-in-one process, never collide on metric names.
 * Route and procedure labels come from the route table and the router, never from the raw URL,
 * so a client cannot inflate the label cardinality.
 * @see https://github.com/siimon/prom-client#usage
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface ApiMetrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  procedureCalls: Counter<'path' | 'type' | 'outcome'>;
}

export function createMetrics(openStreams: () => number = () => 0): ApiMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route pattern and status (SSE streams count until they close)',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const procedureCalls = new Counter({
    name: 'trpc_procedure_calls_total',
    help: 'tRPC procedure calls by path, type and outcome (ok, opened for streams, else the tRPC error code)',
    labelNames: ['path', 'type', 'outcome'] as const,
    registers,
  });
  new Gauge({
    name: 'trpc_sse_streams_open',
    help: 'SSE subscription streams currently open on this instance',
    registers,
    collect() {
      this.set(openStreams());
    },
  });
  return { registry, httpDuration, procedureCalls };
}
