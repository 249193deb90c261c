/**
 * Prometheus metrics, on a registry of this app instance (not prom-client's global one), so
 * several apps in one process never collide. Labels come from fixed sets, never from requests.
 * @see https://github.com/siimon/prom-client#usage
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { BatchReport, BatcherStats } from './batcher';

export type RequestRoute = 'verify' | 'event';

export interface IngestMetrics {
  registry: Registry;
  /** `status` is the HTTP status; `reason` a short fixed word (ok, bad_signature, timeout…). */
  requests: Counter<'route' | 'status' | 'reason'>;
  requestDuration: Histogram<'route'>;
  /** Counts one answered request and observes its duration (seconds). */
  count(route: RequestRoute, status: number, reason: string, seconds: number): void;
  observeBatch(report: BatchReport): void;
}

const LATENCY_BUCKETS = [0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export function createMetrics(pending: () => BatcherStats): IngestMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const requests = new Counter({
    name: 'ingest_webhook_requests_total',
    help: 'Webhook requests by route (verify = GET handshake, event = POST), HTTP status and reason',
    labelNames: ['route', 'status', 'reason'] as const,
    registers,
  });
  const requestDuration = new Histogram({
    name: 'ingest_webhook_request_duration_seconds',
    help: 'Time from the request to its answer (for a 200, the Kafka acknowledgement is included)',
    labelNames: ['route'] as const,
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const produceDuration = new Histogram({
    name: 'ingest_kafka_produce_duration_seconds',
    help: 'One batch send to dbulk.webhooks until Kafka acknowledged (acks=all) or failed',
    labelNames: ['outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const batchRecords = new Histogram({
    name: 'ingest_kafka_batch_records',
    help: 'Records per batch sent to Kafka',
    buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
    registers,
  });
  const batches = new Counter({
    name: 'ingest_kafka_batches_total',
    help: 'Batches by outcome: acked, failed (Kafka refused or timed out), expired (deadline passed before sending)',
    labelNames: ['outcome'] as const,
    registers,
  });
  new Gauge({
    name: 'ingest_pending_records',
    help: 'Records accepted and not yet acknowledged by Kafka (waiting to be batched or in flight)',
    registers,
    collect() {
      this.set(pending().pendingRecords);
    },
  });
  new Gauge({
    name: 'ingest_pending_bytes',
    help: 'Bytes of the records counted by ingest_pending_records',
    registers,
    collect() {
      this.set(pending().pendingBytes);
    },
  });
  new Gauge({
    name: 'ingest_kafka_in_flight_batches',
    help: 'Batches sent to Kafka and not yet acknowledged',
    registers,
    collect() {
      this.set(pending().inFlightBatches);
    },
  });
  // Label children are looked up once per combination: hashing labels on every request shows in profiles.
  const counters = new Map<string, Counter.Internal>();
  const durations = new Map<RequestRoute, Histogram.Internal<'route'>>();
  return {
    registry,
    requests,
    requestDuration,
    count(route, status, reason, seconds) {
      const key = `${route} ${status} ${reason}`;
      let counter = counters.get(key);
      if (!counter) counters.set(key, (counter = requests.labels({ route, status: String(status), reason })));
      counter.inc();
      let duration = durations.get(route);
      if (!duration) durations.set(route, (duration = requestDuration.labels({ route })));
      duration.observe(seconds);
    },
    observeBatch(report) {
      batches.inc({ outcome: report.outcome });
      if (report.outcome === 'expired') return;
      produceDuration.observe({ outcome: report.outcome }, report.sendMs / 1000);
      batchRecords.observe(report.records);
    },
  };
}
