/**
 * What `replay-unroutable` sends again: `unroutable` rows whose number (or WABA) is connected
 * now, each rebuilt into a one-change webhook body. The old row is not deleted: when the
 * processor sees the change again it now routes, and claiming (webhook-event.repository.ts)
 * takes over an `unroutable` row for a routable delivery — same dedupe key, same row, outcome
 * and tenant updated, history kept. A row whose body does not rebuild to the same key is
 * skipped with the reason (replaying it would leave the old row unroutable forever).
 */
import type { EntityManager } from '@dbulk/db';
import { parseWebhook } from '@dbulk/meta';
import { envelopeOf } from './change-record';
import { loadLiveAccounts } from './account.repository';
import { storedDedupeKey } from './dedupe';
import { buildRoutingIndex, routeChange } from './routing';
import { findRoutableUnroutable, type UnroutableEvent } from './webhook-event.repository';
import { messageOf } from './webhooks.errors';

export type UnroutableReplay =
  | { ok: true; event: UnroutableEvent; body: string; key: string; tenantId: string | null }
  | { ok: false; event: UnroutableEvent; reason: string };

export async function planUnroutableReplays(em: EntityManager, options: { since: Date; limit: number }): Promise<UnroutableReplay[]> {
  const events = await findRoutableUnroutable(em, options.since, options.limit);
  const phones = [...new Set(events.flatMap((e) => (e.phoneNumberId ? [e.phoneNumberId] : [])))];
  const wabas = [...new Set(events.flatMap((e) => (e.wabaId ? [e.wabaId] : [])))];
  const index = buildRoutingIndex(await loadLiveAccounts(em, phones, wabas));
  return events.map((event): UnroutableReplay => {
    if (!event.wabaId) return { ok: false, event, reason: 'the row has no WABA id to rebuild the webhook with' };
    const body = envelopeOf(event.wabaId, event.payload);
    let changes;
    try {
      changes = parseWebhook(body).changes;
    } catch (err) {
      return { ok: false, event, reason: `the rebuilt body does not parse: ${messageOf(err)}` };
    }
    const change = changes[0];
    if (changes.length !== 1 || !change || storedDedupeKey(change) !== event.dedupeKey) {
      return { ok: false, event, reason: `the rebuilt body does not give back dedupe key ${event.dedupeKey}` };
    }
    const route = routeChange(change, index);
    if (!route.ok) return { ok: false, event, reason: `still unroutable: ${route.reason}` };
    return { ok: true, event, body, key: change.phoneNumberId ?? change.wabaId, tenantId: route.tenantId };
  });
}
