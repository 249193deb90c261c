/**
 * The batch handler of the `processor.webhooks` consumer: Kafka records in, the webhooks domain
 * does the work. What is Kafka's business stays here:
 * - a record that is not a webhook at all is dead-lettered whole (PermanentError). In a chunk of
 *   several, nothing is written and the consumer re-runs the records one by one, so only the
 *   bad one reaches the DLQ; alone, it is also recorded in webhook_events as failed.
 * - changes that fail inside a good record go to the DLQ from within the transaction, before it
 *   commits (a DLQ outage rolls the chunk back and the consumer retries it).
 * - after commit: campaign pauses to dbulk.control and progress snapshots to dbulk.events.
 * @see packages/kafka/src/chunk.ts (isolation, retries)
 */
import type { MikroORM } from '@dbulk/db';
import { publishProgress } from '@dbulk/domain-campaigns';
import { parseWebhookInput, processWebhooks, recordUnparseable, type ParsedInput, type ProcessReport } from '@dbulk/domain-webhooks';
import { controlScope, PermanentError, type BatchHandler, type ControlRecord, type DecodedRecord, type TypedProducer, type WebhookRecord } from '@dbulk/kafka';
import { changeFailureDlqRecord, sourceOf } from './dead-letter';
import type { ProcessorMetrics } from './metrics';

export interface HandlerDeps {
  orm: MikroORM;
  producer: TypedProducer;
  metrics: ProcessorMetrics;
  groupId: string;
  maxChangesPerTransaction: number;
  /** Tests: called as a chunk starts (e.g. to shut down while it is in flight). */
  onChunk?: (records: DecodedRecord<WebhookRecord>[]) => void | Promise<void>;
}

type Ref = DecodedRecord<WebhookRecord>;

export function createWebhookHandler(deps: HandlerDeps): BatchHandler<WebhookRecord> {
  const { orm, producer, metrics } = deps;
  return async (records, ctx) => {
    await deps.onChunk?.(records);
    const stopTimer = metrics.batchDuration.startTimer();
    try {
      await handle(records, ctx);
    } finally {
      stopTimer();
    }
  };

  /**
   * After commit: a `dbulk.control` pause per campaign its template stopped (senders stop within
   * a second), then one `campaign.progress` snapshot per touched campaign. A failure is logged,
   * not thrown: the database is the truth and already committed (senders re-read campaign status
   * within a second; the next snapshot repairs a lost one).
   */
  async function announce(report: ProcessReport<Ref>, logger: { warn(obj: object, msg: string): void }): Promise<void> {
    try {
      if (report.paused.length > 0) {
        const controls = report.paused.map((p): ControlRecord => ({ type: 'campaign', campaignId: p.campaignId, action: 'pause' }));
        await producer.send('dbulk.control', controls.map((value) => ({ key: controlScope(value), value })));
      }
      await publishProgress(producer, report.progress);
      metrics.progress.inc(report.progress.length);
    } catch (err) {
      logger.warn({ err, paused: report.paused.map((p) => p.campaignId), campaigns: report.progress.length }, 'could not announce campaign changes');
    }
  }

  async function handle(records: Ref[], ctx: Parameters<BatchHandler<WebhookRecord>>[1]): Promise<void> {
    const inputs = records.map((record) => ({ ref: record, source: sourceOf(record), receivedAt: new Date(record.value.receivedAt), body: record.value.body }));
    const parsed = inputs.map(parseWebhookInput);
    const bad = parsed.flatMap((p, i) => (p.ok ? [] : [{ input: inputs[i]!, error: p.error }]));
    if (bad.length > 0) {
      if (records.length > 1) throw new PermanentError('WEBHOOK_UNPARSEABLE', `${bad.length} of ${records.length} records cannot be parsed; isolating them`);
      const [{ input, error }] = bad as [(typeof bad)[number]];
      await recordUnparseable(orm.em.fork(), input, error);
      metrics.records.inc({ outcome: 'dead_lettered' });
      metrics.dlq.inc({ reason: 'unparseable' });
      throw new PermanentError('WEBHOOK_UNPARSEABLE', error.message, { cause: error });
    }
    const report = await processWebhooks<Ref>(orm.em.fork(), parsed.map((p) => (p as { parsed: ParsedInput<Ref> }).parsed), {
      maxChangesPerTransaction: deps.maxChangesPerTransaction,
      between: ctx.heartbeat,
      logger: ctx.logger,
      onFailures: async (failures) => {
        const values = failures.map((f) => changeFailureDlqRecord(f, deps.groupId));
        await producer.send('dbulk.webhooks.dlq', values.map((value) => ({ key: value.key, value })));
        ctx.logger.warn({ records: values.map((v) => `${v.topic}[${v.partition}]@${v.offset}`), errors: values.map((v) => v.error.message) }, 'changes dead-lettered');
      },
    });
    await announce(report, ctx.logger);
    for (const r of report.results) metrics.changes.inc({ kind: r.kind, outcome: r.outcome });
    metrics.records.inc({ outcome: 'processed' }, records.length);
    metrics.dlq.inc({ reason: 'change_failed' }, report.failures.length);
    metrics.careful.inc(report.carefulTransactions);
  }
}
