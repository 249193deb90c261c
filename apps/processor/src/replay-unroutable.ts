/**
 * `replay-unroutable`: re-produces `webhook_events` rows left `unroutable` whose number (or
 * WABA) is connected now, each as a one-change webhook body keyed like ingest keys it. The
 * rows are not deleted: the processor claims an unroutable row again when the same change now
 * routes (same dedupe key, same row → `applied`), so nothing is applied twice and a second run
 * finds nothing left to do. Rows that still do not route are listed with the reason.
 * @see docs/runbooks/webhooks.md
 */
import type { MikroORM } from '@dbulk/db';
import { planUnroutableReplays } from '@dbulk/domain-webhooks';
import { TypedProducer, type KafkaClient, type ProduceRecord, type WebhookRecord } from '@dbulk/kafka';
import type { Logger } from '@dbulk/logger';

export interface ReplayUnroutableOptions {
  orm: MikroORM;
  kafka: KafkaClient;
  logger: Logger;
  topicPrefix: string;
  since: Date;
  limit: number;
  dryRun: boolean;
  out: (line: string) => void;
}

export async function replayUnroutable(options: ReplayUnroutableOptions): Promise<{ replayed: number; skipped: number }> {
  const { orm, out, dryRun } = options;
  const plans = await planUnroutableReplays(orm.em.fork(), { since: options.since, limit: options.limit });
  const records: ProduceRecord<WebhookRecord>[] = [];
  const lines: string[] = [];
  let skipped = 0;
  for (const plan of plans) {
    const row = `webhook_events#${plan.event.id} ${plan.event.dedupeKey}`;
    if (!plan.ok) {
      skipped += 1;
      out(`skipped  ${row}: ${plan.reason}`);
      continue;
    }
    const phoneNumberId = plan.event.phoneNumberId ?? undefined;
    records.push({
      key: plan.key,
      value: {
        receivedAt: plan.event.receivedAt.toISOString(),
        body: plan.body,
        headers: { 'content-type': 'application/json', 'replayed-from': `webhook_events#${plan.event.id}` },
        ...(phoneNumberId ? { phoneNumberId } : {}),
      },
    });
    lines.push(`${dryRun ? 'would replay' : 'replayed'} ${row} → tenant ${plan.tenantId ?? '(several)'}`);
  }
  if (!dryRun && records.length > 0) {
    const producer = new TypedProducer({ kafka: options.kafka, logger: options.logger, topicPrefix: options.topicPrefix });
    await producer.start();
    try {
      for (let i = 0; i < records.length; i += 500) await producer.send('dbulk.webhooks', records.slice(i, i + 500));
    } finally {
      await producer.shutdown();
    }
  }
  // Printed once Kafka acknowledged them: a failed send must not read as done.
  for (const line of lines) out(line);
  out(`done: ${dryRun ? 'would replay' : 'replayed'} ${records.length} unroutable change(s), skipped ${skipped}${dryRun ? ' (dry run)' : ''}`);
  return { replayed: records.length, skipped };
}
