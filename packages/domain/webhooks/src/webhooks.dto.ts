/** What the processor hands in (one webhook body per Kafka record) and what it gets back. */
import type { WebhookOutcome } from '@dbulk/db';
import type { TenantProgress } from '@dbulk/domain-campaigns';
import type { WebhookChange, WebhookChangeKind } from '@dbulk/meta';

export interface WebhookInput<R = unknown> {
  /** The caller's handle on the input (the Kafka record), given back with failures. */
  ref: R;
  /** Where it came from, stored in `webhook_events.source` (≤ 100 chars), e.g. `dbulk.webhooks[3]@1207`. */
  source: string;
  receivedAt: Date;
  body: string;
}

export interface ParsedInput<R = unknown> extends WebhookInput<R> {
  changes: WebhookChange[];
}

export interface ChangeResult {
  dedupeKey: string;
  kind: WebhookChangeKind;
  /** `webhook_events.kind`, e.g. `status.delivered`. */
  label: string;
  /** `duplicate`: seen before (or twice in this batch); nothing was written or applied. */
  outcome: WebhookOutcome;
  /** Why it was ignored, unroutable or failed (also stored in `webhook_events.error`). */
  note: string | null;
}

export interface FailedInput<R = unknown> {
  input: ParsedInput<R>;
  failed: ChangeResult[];
}

export interface ProcessReport<R = unknown> {
  results: ChangeResult[];
  failures: FailedInput<R>[];
  /** Transactions that fell back to change-by-change application after a permanent error. */
  carefulTransactions: number;
  transactions: number;
  /** The latest snapshot of every campaign the committed transactions changed: publish as `campaign.progress`. */
  progress: TenantProgress[];
  /** Campaigns paused because of their template: publish a `dbulk.control` campaign pause for each. */
  paused: TenantProgress[];
}
