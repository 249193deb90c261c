/**
 * Processing a batch of webhook bodies: parse → route → claim in `webhook_events` (the dedupe)
 * → apply what was claimed → record outcomes, all in one transaction per group of records
 * (groups are cut at `maxChangesPerTransaction` changes, never inside a record).
 *
 * Set-wise first: one statement for the events, one for all statuses and inbound messages.
 * If that fails for a reason a retry will not fix (bad data), the group is done again change by
 * change, each in a savepoint, so only the broken change fails (recorded `failed`, handed to
 * `onFailures` for the DLQ) and its neighbours apply. Transient errors (database down, deadlock)
 * are thrown so the consumer retries the records later; nothing has been committed then.
 */
import type { EntityManager } from '@dbulk/db';
import { latestPerCampaign } from '@dbulk/domain-campaigns';
import { parseWebhook, sha256Hex, type WebhookChange } from '@dbulk/meta';
import { applyItems, changeResult, type AppliedEffects, type Item } from './apply-changes';
import { kindLabel, storedPayload } from './change-record';
import { loadLiveAccounts } from './account.repository';
import { storedDedupeKey } from './dedupe';
import { buildRoutingIndex, routeChange, type Route } from './routing';
import { claimWebhookEvents, type WebhookEventRow } from './webhook-event.repository';
import type { ChangeResult, FailedInput, ParsedInput, ProcessReport, WebhookInput } from './webhooks.dto';
import { isTransientError, messageOf, WebhooksErrors } from './webhooks.errors';

export interface ProcessOptions<R> {
  maxChangesPerTransaction?: number;
  /** Runs inside the transaction before it commits (dead-letter the failed changes there); throwing rolls it back. */
  onFailures?: (failures: FailedInput<R>[]) => Promise<void>;
  /** Between transactions (the consumer's heartbeat). */
  between?: () => Promise<void>;
  logger?: { warn(obj: object, msg: string): void };
}

export type ParseResult<R> = { ok: true; parsed: ParsedInput<R> } | { ok: false; error: Error };

export function parseWebhookInput<R>(input: WebhookInput<R>): ParseResult<R> {
  try {
    return { ok: true, parsed: { ...input, changes: parseWebhook(input.body).changes } };
  } catch (err) {
    return { ok: false, error: WebhooksErrors.unparseable(input.source, messageOf(err), err) };
  }
}

const clip = (text: string | null | undefined, max: number) => (text == null ? null : text.slice(0, max));

/** A failed row must be storable whatever was wrong with the change. */
function storable(row: WebhookEventRow): WebhookEventRow {
  return { ...row, waba_id: clip(row.waba_id, 32), phone_number_id: clip(row.phone_number_id, 32), field: row.field.slice(0, 64), kind: row.kind.slice(0, 64), source: clip(row.source, 100) };
}

/** Keeps a body that is not even JSON visible in `webhook_events` (the DLQ holds the bytes). */
export async function recordUnparseable(em: EntityManager, input: WebhookInput, error: Error): Promise<void> {
  const row: WebhookEventRow = storable({
    dedupe_key: `unparseable:${sha256Hex(input.body)}`,
    tenant_id: null,
    waba_id: null,
    phone_number_id: null,
    field: '(unparseable)',
    kind: 'unparseable',
    payload: { bytes: Buffer.byteLength(input.body), preview: input.body.slice(0, 2_000) },
    received_at: input.receivedAt.toISOString(),
    outcome: 'failed',
    error: error.message,
    source: input.source,
  });
  await em.transactional((tx) => claimWebhookEvents(tx, [row]));
}

function eventRow<R>(input: ParsedInput<R>, change: WebhookChange, key: string, route: Route): WebhookEventRow {
  const [outcome, error]: [WebhookEventRow['outcome'], string | null] =
    change.kind === 'invalid' ? ['failed', `invalid ${change.field} change: ${change.issues.join('; ')}`] : route.ok ? ['applied', null] : ['unroutable', route.reason];
  return {
    dedupe_key: key,
    tenant_id: route.ok ? route.tenantId : null,
    waba_id: change.wabaId,
    phone_number_id: change.phoneNumberId ?? null,
    field: change.field,
    kind: kindLabel(change),
    payload: storedPayload(change),
    received_at: input.receivedAt.toISOString(),
    outcome,
    error,
    source: input.source,
  };
}

/** Claims the items' rows; marks duplicates and rows that are not to be applied (failed, unroutable). */
async function claim<R>(em: EntityManager, items: Item<R>[]): Promise<Item<R>[]> {
  const claimed = await claimWebhookEvents(em, items.map((i) => i.row));
  const toApply: Item<R>[] = [];
  for (const item of items) {
    const id = claimed.get(item.key);
    if (id === undefined) item.result = changeResult(item, 'duplicate', null);
    else if (item.row.outcome !== 'applied') item.result = changeResult(item, item.row.outcome, item.row.error);
    else {
      item.id = id;
      toApply.push(item);
    }
  }
  return toApply;
}

async function careful<R>(em: EntityManager, items: Item<R>[], effects: AppliedEffects): Promise<void> {
  for (const item of items) {
    try {
      const applied = await em.transactional(async (savepoint) => applyItems(savepoint, await claim(savepoint, [item])));
      effects.progress.push(...applied.progress);
      effects.paused.push(...applied.paused);
    } catch (err) {
      if (isTransientError(err)) throw err;
      const note = `could not apply: ${messageOf(err)}`;
      item.result = changeResult(item, 'failed', note);
      try {
        await em.transactional((savepoint) => claimWebhookEvents(savepoint, [storable({ ...item.row, outcome: 'failed', error: note })]));
      } catch (recordErr) {
        // Not even the failed row fits: the DLQ record is all that is left of it.
        if (isTransientError(recordErr)) throw recordErr;
      }
    }
  }
}

function failuresOf<R>(items: Item<R>[]): FailedInput<R>[] {
  const byInput = new Map<ParsedInput<R>, ChangeResult[]>();
  for (const item of items) {
    if (item.result?.outcome !== 'failed') continue;
    byInput.set(item.input, [...(byInput.get(item.input) ?? []), item.result]);
  }
  return [...byInput].map(([input, failed]) => ({ input, failed }));
}

async function runGroup<R>(em: EntityManager, group: ParsedInput<R>[], mode: 'set' | 'careful', options: ProcessOptions<R>) {
  const seen = new Set<string>();
  const results: ChangeResult[] = [];
  const pending: { input: ParsedInput<R>; change: WebhookChange; key: string }[] = [];
  for (const input of group) {
    for (const change of input.changes) {
      const key = storedDedupeKey(change);
      if (seen.has(key)) {
        results.push({ dedupeKey: key, kind: change.kind, label: kindLabel(change), outcome: 'duplicate', note: 'twice in one batch' });
        continue;
      }
      seen.add(key);
      pending.push({ input, change, key });
    }
  }
  const distinct = (values: (string | undefined)[]) => [...new Set(values.filter((v): v is string => Boolean(v)))];
  const accounts = await loadLiveAccounts(em, distinct(pending.map((p) => p.change.phoneNumberId)), distinct(pending.map((p) => p.change.wabaId)));
  const index = buildRoutingIndex(accounts);
  const items: Item<R>[] = pending.map((p) => {
    const route = routeChange(p.change, index);
    return { ...p, route, row: eventRow(p.input, p.change, p.key, route) };
  });
  let effects: AppliedEffects = { progress: [], paused: [] };
  if (mode === 'set') effects = await applyItems(em, await claim(em, items));
  else await careful(em, items, effects);
  const failures = failuresOf(items);
  if (failures.length > 0) await options.onFailures?.(failures);
  return { results: [...results, ...items.map((i) => i.result!)], failures, effects };
}

export function groupByChanges<T extends { changes: unknown[] }>(inputs: T[], max: number): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const input of inputs) {
    if (current.length > 0 && size + input.changes.length > max) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(input);
    size += input.changes.length;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

export async function processWebhooks<R>(em: EntityManager, inputs: ParsedInput<R>[], options: ProcessOptions<R> = {}): Promise<ProcessReport<R>> {
  const report: ProcessReport<R> = { results: [], failures: [], carefulTransactions: 0, transactions: 0, progress: [], paused: [] };
  for (const [n, group] of groupByChanges(inputs, options.maxChangesPerTransaction ?? 2_000).entries()) {
    if (n > 0) await options.between?.();
    let outcome;
    try {
      outcome = await em.transactional((tx) => runGroup(tx, group, 'set', options));
    } catch (err) {
      if (isTransientError(err)) throw err;
      options.logger?.warn({ err, records: group.map((g) => g.source) }, 'set-wise apply failed; applying change by change');
      report.carefulTransactions += 1;
      outcome = await em.transactional((tx) => runGroup(tx, group, 'careful', options));
    }
    report.transactions += 1;
    report.results.push(...outcome.results);
    report.failures.push(...outcome.failures);
    // Committed: later transactions saw later counters, so the last snapshot per campaign wins.
    report.progress = latestPerCampaign([...report.progress, ...outcome.effects.progress, ...outcome.effects.paused]);
    report.paused.push(...outcome.effects.paused);
  }
  return report;
}
