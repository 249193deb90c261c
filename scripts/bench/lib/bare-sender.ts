/**
 * The baseline of the send-path benchmark: what any sender must at least do — consume
 * `dbulk.send` records and POST one Graph message per id, paced per number so no number goes
 * over its limit, with the same concurrency — and nothing else: no database, no claim, no
 * gate, no results. Its throughput is the ceiling the real sender is compared with.
 */
import { BatchConsumer, TypedProducer, type KafkaClient } from '@dbulk/kafka';
import type { Logger } from '@dbulk/logger';
import { Agent, request } from 'undici';

export interface BareTarget {
  phoneNumberId: string;
  token: string;
  to: string;
}

export async function runBareSender(opts: {
  kafka: KafkaClient;
  logger: Logger;
  topicPrefix: string;
  graphUrl: string;
  targets: Map<string, BareTarget>;
  ratePerNumber: number;
  concurrency: number;
  partitions: number;
  expected: number;
  timeoutMs: number;
}): Promise<{ sent: number; failed: number; seconds: number }> {
  const agent = new Agent({ connections: opts.concurrency, keepAliveTimeout: 30_000 });
  const producer = new TypedProducer({ kafka: opts.kafka, logger: opts.logger, topicPrefix: opts.topicPrefix });
  await producer.start();
  const next = new Map<string, number>();
  let active = 0;
  const waiting: (() => void)[] = [];
  let sent = 0;
  let failed = 0;
  let first = 0;
  let last = 0;
  const post = async (t: BareTarget) => {
    const slot = Math.max(Date.now(), next.get(t.phoneNumberId) ?? 0);
    next.set(t.phoneNumberId, slot + 1_000 / opts.ratePerNumber);
    if (slot > Date.now()) await new Promise((r) => setTimeout(r, slot - Date.now()));
    if (active >= opts.concurrency) await new Promise<void>((r) => waiting.push(r));
    else active++;
    try {
      const res = await request(`${opts.graphUrl}/v23.0/${t.phoneNumberId}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${t.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ messaging_product: 'whatsapp', to: t.to, type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } }),
        dispatcher: agent,
      });
      await res.body.arrayBuffer();
      if (res.statusCode === 200) sent++;
      else failed++;
      first ||= Date.now();
      last = Date.now();
    } finally {
      const wake = waiting.shift();
      if (wake) wake();
      else active--;
    }
  };
  const consumer = new BatchConsumer({
    kafka: opts.kafka,
    logger: opts.logger,
    app: 'bench',
    purpose: `bare-${Date.now().toString(36)}`,
    topic: 'dbulk.send',
    topicPrefix: opts.topicPrefix,
    producer,
    chunkSize: 20,
    partitionsConsumedConcurrently: opts.partitions,
    handler: async (records) => {
      await Promise.all(records.flatMap((r) => r.value.messageIds.map((id) => post(opts.targets.get(id)!))));
    },
  });
  await consumer.start();
  const until = Date.now() + opts.timeoutMs;
  while (sent + failed < opts.expected && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
  await consumer.shutdown();
  await producer.shutdown();
  await agent.close();
  return { sent, failed, seconds: (last - first) / 1_000 };
}
