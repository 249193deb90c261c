/**
 * `replay-dlq`: reads `dbulk.webhooks.dlq` from the beginning with its own group
 * (`processor.replay-dlq`), re-produces each dead-lettered webhook record's original value (key
 * and headers too, plus `replayed-from`) to `dbulk.webhooks`, and commits, so a second run
 * starts after what the first replayed. Records from other topics are reported and skipped.
 * `--dry-run` reads with a throwaway group that is deleted afterwards: it commits nothing.
 * It works through what the DLQ held when it started (the end offsets then) and stops: a
 * replayed record that fails again is dead-lettered again, and must not be replayed in a loop.
 * @see docs/runbooks/webhooks.md
 */
import { randomBytes } from 'node:crypto';
import { BatchConsumer, classifyError, physicalTopic, TypedProducer, type KafkaClient } from '@dbulk/kafka';
import type { Logger } from '@dbulk/logger';

export interface ReplayDlqOptions {
  kafka: KafkaClient;
  logger: Logger;
  topicPrefix: string;
  limit?: number;
  dryRun: boolean;
  out: (line: string) => void;
  /** Tests use their own group. */
  groupPurpose?: string;
  /** Stop when no record was replayed or skipped for this long (e.g. a corrupt DLQ record the consumer skips). */
  idleMs?: number;
  timeoutMs?: number;
}

export interface ReplaySummary {
  replayed: number;
  skipped: number;
}

/** Thrown for records past the limit or the end: "not done", so their offsets are not committed. */
class LimitReached extends Error {}

/** Per partition, the offset the group will start at and the end offset now: what this run covers. */
async function snapshot(kafka: KafkaClient, topic: string, groupId: string): Promise<Map<number, { from: bigint; end: bigint }>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const from = new Map((committed?.partitions ?? []).map((p) => [p.partition, BigInt(p.offset)]));
    return new Map(
      ends.map((p) => {
        // No commit yet (-1), or a commit older than what retention kept: the group starts at the earliest.
        const start = from.get(p.partition) ?? -1n;
        const low = BigInt(p.low);
        return [p.partition, { from: start > low ? start : low, end: BigInt(p.high) }];
      }),
    );
  } finally {
    await admin.disconnect();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function replayDlq(options: ReplayDlqOptions): Promise<ReplaySummary> {
  const { kafka, logger, topicPrefix, limit, dryRun, out, idleMs = 5_000, timeoutMs = 10 * 60_000 } = options;
  const target = physicalTopic('dbulk.webhooks', topicPrefix);
  const purpose = dryRun ? `replay-dlq-dry-run-${randomBytes(4).toString('hex')}` : (options.groupPurpose ?? 'replay-dlq');
  const range = await snapshot(kafka, physicalTopic('dbulk.webhooks.dlq', topicPrefix), `processor.${purpose}`);
  const pending = [...range.values()].reduce((sum, r) => sum + Number(r.end > r.from ? r.end - r.from : 0n), 0);
  const goal = Math.min(pending, limit ?? Number.POSITIVE_INFINITY);
  const producer = new TypedProducer({ kafka, logger, topicPrefix });
  const summary: ReplaySummary = { replayed: 0, skipped: 0 };
  const done = () => summary.replayed + summary.skipped >= goal || (limit !== undefined && summary.replayed >= limit);
  let progressAt = Date.now();
  await producer.start();
  const consumer = new BatchConsumer({
    kafka,
    logger,
    app: 'processor',
    purpose,
    topic: 'dbulk.webhooks.dlq',
    topicPrefix,
    producer,
    chunkSize: 1,
    fromBeginning: true,
    maxWaitTimeMs: 200,
    backoff: { initialMs: 100, maxMs: 500 },
    classifyError: (err) => (err instanceof LimitReached ? 'transient' : classifyError(err)),
    handler: async ([record]) => {
      if (!record) return;
      if (limit !== undefined && summary.replayed >= limit) throw new LimitReached(`limit of ${limit} reached`);
      const end = range.get(record.partition)?.end ?? 0n;
      if (BigInt(record.offset) >= end) throw new LimitReached(`${record.offset} was dead-lettered after this run started`);
      const dlq = record.value;
      const where = `${record.topic}[${record.partition}]@${record.offset}`;
      const why = `${dlq.error.code ?? dlq.error.name ?? 'error'}: ${dlq.error.message}`;
      if (dlq.topic !== target || dlq.value === null) {
        summary.skipped += 1;
        progressAt = Date.now();
        out(`skipped  ${where}: ${dlq.value === null ? 'no value' : `from ${dlq.topic}, not ${target}`} (${why})`);
        return;
      }
      if (!dryRun) {
        const headers = { ...(dlq.headers ?? {}), 'replayed-from': where };
        await producer.sendRaw('dbulk.webhooks', [{ key: dlq.key, value: dlq.value, headers }]);
      }
      summary.replayed += 1;
      progressAt = Date.now();
      out(`${dryRun ? 'would replay' : 'replayed'} ${where} (${dlq.topic}[${dlq.partition}]@${dlq.offset}, key ${dlq.key ?? '-'}, failed ${dlq.failedAt} after ${dlq.attempts} attempt(s), ${why})`);
    },
  });
  const started = Date.now();
  let joined = false;
  try {
    if (goal > 0) {
      joined = true;
      await consumer.start();
      progressAt = Date.now();
      while (!done()) {
        const left = goal - summary.replayed - summary.skipped;
        if (Date.now() - started > timeoutMs || Date.now() - progressAt > idleMs) {
          out(`stopping: nothing replayed for ${Math.round((Date.now() - progressAt) / 1000)} s, ${left} record(s) of this run not seen (see the log)`);
          break;
        }
        await sleep(50);
      }
    }
  } finally {
    if (joined) await consumer.shutdown();
    await producer.shutdown();
    if (dryRun && joined) await deleteGroup(kafka, consumer.groupId, logger);
  }
  out(`done: ${dryRun ? 'would replay' : 'replayed'} ${summary.replayed} record(s) to ${target}, skipped ${summary.skipped}${dryRun ? ' (dry run)' : ''}`);
  return summary;
}

async function deleteGroup(kafka: KafkaClient, groupId: string, logger: Logger): Promise<void> {
  const admin = kafka.admin();
  try {
    await admin.connect();
    await admin.deleteGroups([groupId]);
  } catch (err) {
    logger.warn({ err, groupId }, 'could not delete the dry-run group; Kafka expires it with its offsets');
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
