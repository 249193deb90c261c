/**
 * Applying the changes a delivery claimed: statuses and inbound messages set-wise, the
 * rest one by one in the order the user or Meta acted (not the order they arrived), each through
 * its applier. What an applier decides (applied, or ignored and why) is written back to the
 * change's `webhook_events` row.
 */
import type { EntityManager } from '@dbulk/db';
import { applyStatuses, type TenantProgress } from '@dbulk/domain-campaigns';
import type { WebhookChange } from '@dbulk/meta';
import { applyAccountUpdate, applyCapability, applyPhoneQuality, applySystemError, type ApplyResult } from './apply-account';
import { applyPreference } from './apply-preference';
import { applyTemplateCategory, applyTemplateQuality, applyTemplateStatus } from './apply-template';
import { insertMessageEvents, messageEventKey } from './message-event.repository';
import { applyInboundOptOuts, applyStatusOptOuts } from './apply-opt-outs';
import { inboundRow, statusRow } from './message-events';
import type { Route } from './routing';
import { setOutcomes, type WebhookEventRow } from './webhook-event.repository';
import type { ChangeResult, ParsedInput } from './webhooks.dto';

/** One change on its way through a transaction. */
export interface Item<R> {
  input: ParsedInput<R>;
  change: WebhookChange;
  key: string;
  route: Route;
  row: WebhookEventRow;
  /** The claimed `webhook_events` row. */
  id?: string;
  result?: ChangeResult;
}

export const changeResult = <R>(item: Item<R>, outcome: ChangeResult['outcome'], note: string | null): ChangeResult => ({
  dedupeKey: item.key,
  kind: item.change.kind,
  label: item.row.kind,
  outcome,
  note,
});

/** When the user or Meta acted, so a chunk's events apply in that order; Infinity keeps arrival order. */
function eventSeconds(change: WebhookChange): number {
  if (change.kind === 'user_preference') return Number(change.preference.timestamp);
  return change.entryTime ?? Number.POSITIVE_INFINITY;
}

async function applyOne<R>(em: EntityManager, item: Item<R>, route: Route & { ok: true }): Promise<ApplyResult> {
  const { change } = item;
  const eventAt = change.entryTime === undefined ? item.input.receivedAt : new Date(change.entryTime * 1000);
  switch (change.kind) {
    case 'template_status':
      return applyTemplateStatus(em, change, route.tenantIds, eventAt);
    case 'template_category':
      return applyTemplateCategory(em, change, route.tenantIds);
    case 'template_quality':
      return applyTemplateQuality(em, change, route.tenantIds);
    case 'phone_quality':
      return applyPhoneQuality(em, change, route.accounts);
    case 'capability':
      return applyCapability(em, change, route.accounts);
    case 'account':
      return applyAccountUpdate(em, change, route.accounts);
    case 'system_error':
      return applySystemError(em, change, route.tenantIds);
    case 'user_preference':
      return route.tenantId === null ? { outcome: 'ignored', note: 'no single tenant for this number' } : applyPreference(em, change, route.tenantId);
    case 'unknown':
      return { outcome: 'ignored', note: `${change.field}: a field or item dbulk does not handle; kept as received` };
    default:
      throw new Error(`${change.kind} changes are applied set-wise`);
  }
}

/** What a transaction changed that others must hear about once it commits. */
export interface AppliedEffects {
  /** Snapshots of campaigns whose counters moved (status webhooks). */
  progress: TenantProgress[];
  /** Campaigns paused because Meta paused, disabled or recategorised their template. */
  paused: TenantProgress[];
}

const tenantOf = (route: Route) => (route.ok ? route.tenantId : null);

/**
 * Statuses and inbound messages: recorded in `message_events` in one statement; the new statuses
 * then move campaign messages (one statement, @dbulk/domain-campaigns applyStatuses), 131050
 * failures and typed keywords feed suppressions.
 */
async function applyMessages<R>(em: EntityManager, messages: Item<R>[]): Promise<TenantProgress[]> {
  const rows = messages.map(({ change, route }) => {
    const where = { tenantId: tenantOf(route), phoneNumberId: change.phoneNumberId };
    if (change.kind === 'status') return statusRow(change.status, where);
    if (change.kind === 'inbound') return inboundRow(change.message, change.contact, where);
    throw new Error('unreachable');
  });
  const fresh = await insertMessageEvents(em, rows);
  for (const item of messages) item.result = changeResult(item, 'applied', null);
  const statuses = rows.flatMap((row, i) => (row.kind === 'status' && row.tenant_id && fresh.has(messageEventKey(row)) ? [{ row, item: messages[i]! }] : []));
  const applied = await applyStatuses(
    em,
    statuses.map(({ row }) => ({
      tenantId: row.tenant_id!,
      wamid: row.wamid,
      status: row.status,
      occurredAt: row.occurred_at,
      errorCode: row.error_code,
      errorTitle: row.error_title,
      callbackData: (row.payload as { biz_opaque_callback_data?: string }).biz_opaque_callback_data ?? null,
    })),
  );
  await applyStatusOptOuts(em, statuses.flatMap(({ item }) => (item.change.kind === 'status' ? [{ tenantId: tenantOf(item.route)!, status: item.change.status }] : [])));
  const inbound = messages.flatMap(({ change, route }) => (change.kind === 'inbound' && tenantOf(route) ? [{ tenantId: tenantOf(route)!, message: change.message, contact: change.contact }] : []));
  await applyInboundOptOuts(em, inbound);
  return applied.progress;
}

export /** Applies claimed items: statuses and inbound messages set-wise, the rest one by one in event order. */
async function applyItems<R>(em: EntityManager, items: Item<R>[]): Promise<AppliedEffects> {
  const effects: AppliedEffects = { progress: [], paused: [] };
  const messages = items.filter((i) => i.change.kind === 'status' || i.change.kind === 'inbound');
  if (messages.length > 0) effects.progress.push(...(await applyMessages(em, messages)));

  const others = items.filter((i) => i.change.kind !== 'status' && i.change.kind !== 'inbound');
  // Stable sort: equal (or unknown) times keep the order Meta sent them in.
  others.sort((a, b) => (eventSeconds(a.change) === eventSeconds(b.change) ? 0 : eventSeconds(a.change) < eventSeconds(b.change) ? -1 : 1));
  for (const item of others) {
    const applied = await applyOne(em, item, item.route as Route & { ok: true });
    item.result = changeResult(item, applied.outcome, applied.note);
    effects.paused.push(...(applied.paused ?? []));
  }
  const ignored = items.filter((i) => i.result?.outcome === 'ignored');
  await setOutcomes(em, ignored.map((i) => ({ id: i.id!, outcome: 'ignored', error: i.result!.note })));
  return effects;
}
