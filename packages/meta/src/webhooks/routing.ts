/**
 * The ids ingest needs for the Kafka key (phone_number_id, else the WABA id) without the full
 * schema parse: ingest must answer Meta fast and must produce even a body it cannot read
 * (the processor dead-letters it), so this never throws. Invalid JSON falls back to a scan
 * for `"phone_number_id":"…"`.
 * @see https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/create-webhook-endpoint
 */
export interface EnvelopeRouting {
  /** Distinct value.metadata.phone_number_id, in order of appearance. */
  phoneNumberIds: string[];
  /** Distinct entry[].id. */
  wabaIds: string[];
}

const asId = (value: unknown) => (typeof value === 'string' && value ? value : typeof value === 'number' ? String(value) : undefined);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export function envelopeRouting(raw: Buffer | Uint8Array | string): EnvelopeRouting {
  const text = typeof raw === 'string' ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('utf8');
  const phones = new Set<string>();
  const wabas = new Set<string>();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    for (const match of text.matchAll(/"phone_number_id"\s*:\s*"([^"\\]{1,64})"/g)) phones.add(match[1] as string);
    return { phoneNumberIds: [...phones], wabaIds: [] };
  }
  const entries = isObject(json) && Array.isArray(json.entry) ? json.entry : [];
  for (const entry of entries) {
    if (!isObject(entry)) continue;
    const wabaId = asId(entry.id);
    if (wabaId) wabas.add(wabaId);
    for (const change of Array.isArray(entry.changes) ? entry.changes : []) {
      const value = isObject(change) ? change.value : undefined;
      const metadata = isObject(value) ? value.metadata : undefined;
      const phone = isObject(metadata) ? asId(metadata.phone_number_id) : undefined;
      if (phone) phones.add(phone);
    }
  }
  return { phoneNumberIds: [...phones], wabaIds: [...wabas] };
}
