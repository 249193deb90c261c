/**
 * The DLQ record for a webhook record some of whose changes failed (invalid, or not
 * applicable) while the others were applied. It carries the whole original record, so
 * `replay-dlq` puts back exactly what ingest produced; on replay the applied changes are
 * duplicates and change nothing, and the failed ones (recorded `failed`) are tried again.
 */
import type { DecodedRecord, DlqRecord, WebhookRecord } from '@dbulk/kafka';
import { WebhooksErrors, type FailedInput } from '@dbulk/domain-webhooks';

const MAX_DETAIL = 4_000;

export const sourceOf = (record: Pick<DecodedRecord<unknown>, 'topic' | 'partition' | 'offset'>) => `${record.topic}[${record.partition}]@${record.offset}`;

export function changeFailureDlqRecord(failure: FailedInput<DecodedRecord<WebhookRecord>>, groupId: string, now = new Date()): DlqRecord {
  const record = failure.input.ref;
  const detail = failure.failed.map((f) => `${f.dedupeKey} (${f.label}): ${f.note ?? 'failed'}`).join('; ');
  const error = WebhooksErrors.changesFailed(
    sourceOf(record),
    failure.failed.length,
    failure.input.changes.length,
    detail.length > MAX_DETAIL ? `${detail.slice(0, MAX_DETAIL)}…` : detail,
  );
  return {
    topic: record.topic,
    partition: record.partition,
    offset: record.offset,
    key: record.key,
    value: JSON.stringify(record.value),
    headers: record.headers,
    error: { message: error.message, code: error.code, name: error.name },
    groupId,
    failedAt: now.toISOString(),
    attempts: 1,
  };
}
