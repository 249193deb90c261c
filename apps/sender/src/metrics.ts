/**
 * Prometheus metrics on this replica's own registry. Labels come from fixed sets, never from
 * payloads (phone numbers are not labels: there can be thousands).
 * @see https://github.com/siimon/prom-client#usage
 */
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { Sender } from '@dbulk/domain-sending';

export function createMetrics(sender: Sender, isLeader: () => boolean): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  new Gauge({
    name: 'sender_consumer_lag',
    help: 'dbulk.send records behind the high watermark on the partitions this replica last processed (the HPA signal)',
    registers,
    collect() {
      this.set(sender.consumer.health().lag ?? 0);
    },
  });
  new Gauge({
    name: 'sender_in_flight',
    help: 'Graph API sends in flight on this replica',
    registers,
    collect() {
      this.set(sender.semaphore.inFlight);
    },
  });
  new Gauge({
    name: 'sender_sent_total',
    help: 'Messages Meta accepted from this replica since start',
    registers,
    collect() {
      this.set([...sender.throughput.totals.values()].reduce((a, b) => a + b, 0));
    },
  });
  new Gauge({
    name: 'sender_planner_leader',
    help: '1 while this replica holds the planner lock',
    registers,
    collect() {
      this.set(isLeader() ? 1 : 0);
    },
  });
  return registry;
}
