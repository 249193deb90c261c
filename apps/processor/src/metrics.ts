/**
 * Prometheus metrics on a registry of this processor instance (not prom-client's global one),
 * so several apps in one process never collide. Labels come from fixed sets (change kinds,
 * outcomes), never from payloads.
 * @see https://github.com/siimon/prom-client#usage
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface ProcessorMetrics {
  registry: Registry;
  /** Every change of every webhook, by parser kind and outcome (applied, duplicate, ignored, unroutable, failed). */
  changes: Counter<'kind' | 'outcome'>;
  /** Kafka records: processed, or dead_lettered as a whole (unparseable). */
  records: Counter<'outcome'>;
  /** Records written to the DLQ: unparseable bodies, or records with failed changes. */
  dlq: Counter<'reason'>;
  batchDuration: Histogram;
  careful: Counter;
  retentionDeleted: Counter;
  /** campaign.progress snapshots published to dbulk.events. */
  progress: Counter;
  /** Parked statuses the sweep applied once their message was known. */
  swept: Counter;
}

export function createMetrics(lag: () => number | undefined): ProcessorMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  new Gauge({
    name: 'processor_consumer_lag',
    help: 'Records behind the high watermark on the partitions this replica last processed (dbulk.webhooks)',
    registers,
    collect() {
      this.set(lag() ?? 0);
    },
  });
  return {
    registry,
    changes: new Counter({
      name: 'processor_webhook_changes_total',
      help: 'Webhook changes by kind (status, inbound, template_status, account…) and outcome (applied, duplicate, ignored, unroutable, failed)',
      labelNames: ['kind', 'outcome'] as const,
      registers,
    }),
    records: new Counter({
      name: 'processor_records_total',
      help: 'dbulk.webhooks records handled: processed, or dead_lettered whole (not parseable)',
      labelNames: ['outcome'] as const,
      registers,
    }),
    dlq: new Counter({
      name: 'processor_dlq_records_total',
      help: 'Records written to dbulk.webhooks.dlq: unparseable, or change_failed (some changes could not be applied)',
      labelNames: ['reason'] as const,
      registers,
    }),
    batchDuration: new Histogram({
      name: 'processor_batch_duration_seconds',
      help: 'One handler call (a chunk of records): parse, route, dedupe, apply, commit',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    progress: new Counter({ name: 'processor_progress_events_total', help: 'campaign.progress snapshots published to dbulk.events', registers }),
    swept: new Counter({ name: 'processor_parked_statuses_applied_total', help: 'Parked statuses applied by the sweep once their wamid became known', registers }),
    careful: new Counter({
      name: 'processor_careful_transactions_total',
      help: 'Transactions redone change by change after a permanent error in the set-wise path',
      registers,
    }),
    retentionDeleted: new Counter({
      name: 'processor_retention_deleted_total',
      help: 'webhook_events rows deleted by the retention job',
      registers,
    }),
  };
}
