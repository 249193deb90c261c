/**
 * Meta's webhook envelope: `{object:"whatsapp_business_account", entry:[{id:<WABA id>,
 * time?, changes:[{value, field}]}]}`. `messages`-type values carry `metadata` and no entry
 * time; template/account fields carry `entry.time` (int) and a flat value — like the fixtures
 * in shared/meta/fixtures. Batching merges updates of one number into one change, as Meta does.
 * @see https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/overview
 */
export type ChangeKind = 'messages' | 'business';

export interface WebhookChange {
  wabaId: string;
  field: string;
  kind: ChangeKind;
  value: Record<string, unknown>;
  /** Unix seconds (entry.time for business fields). */
  time: number;
}

interface Entry {
  id: string;
  time?: number;
  changes: Array<{ value: Record<string, unknown>; field: string }>;
}

const MERGED_ARRAYS = ['contacts', 'messages', 'statuses', 'user_preferences', 'errors'];

function phoneOf(value: Record<string, unknown>): string | undefined {
  return (value.metadata as { phone_number_id?: string } | undefined)?.phone_number_id;
}

/** Appends one messages-type value into an existing change of the same number and field. */
function merge(into: Record<string, unknown>, value: Record<string, unknown>): void {
  for (const key of MERGED_ARRAYS) {
    const extra = value[key];
    if (!Array.isArray(extra)) continue;
    const existing = Array.isArray(into[key]) ? (into[key] as unknown[]) : [];
    const known = new Set(key === 'contacts' ? existing.map((contact) => (contact as { wa_id?: string }).wa_id) : []);
    into[key] = [...existing, ...extra.filter((item) => key !== 'contacts' || !known.has((item as { wa_id?: string }).wa_id))];
  }
}

export function buildEnvelope(changes: WebhookChange[]) {
  const entries = new Map<string, Entry>();
  for (const change of changes) {
    const entry = entries.get(change.wabaId) ?? { id: change.wabaId, changes: [] };
    if (change.kind === 'business') entry.time ??= change.time;
    entries.set(change.wabaId, entry);
    const phone = phoneOf(change.value);
    const same = change.kind === 'messages' && phone ? entry.changes.find((item) => item.field === change.field && phoneOf(item.value) === phone) : undefined;
    if (same) merge(same.value, change.value);
    else entry.changes.push({ value: structuredClone(change.value), field: change.field });
  }
  // Key order as in Meta's payloads: id, time, changes.
  const entry = [...entries.values()].map(({ id, time, changes: list }) => (time === undefined ? { id, changes: list } : { id, time, changes: list }));
  // Meta's template and account payloads list `entry` before `object`; message payloads the reverse.
  return changes.every((change) => change.kind === 'business') ? { entry, object: 'whatsapp_business_account' } : { object: 'whatsapp_business_account', entry };
}

export function messagesValue(phone: { displayPhoneNumber: string; id: string }, rest: Record<string, unknown>): Record<string, unknown> {
  return { messaging_product: 'whatsapp', metadata: { display_phone_number: phone.displayPhoneNumber, phone_number_id: phone.id }, ...rest };
}
