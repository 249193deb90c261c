/**
 * Where a webhook goes on `dbulk.webhooks`: keyed by the first `value.metadata.phone_number_id`
 * (per-number order for the processor), else the first `entry[].id` (the WABA: template and
 * account fields carry no phone number), else "unknown". Tolerant on purpose: ingest produces
 * everything that is correctly signed, whatever its shape; the processor judges it.
 * Routing reads the body ingest already parsed, so each request is parsed once.
 * @see ../shared/meta/README.md (beside the repository) §2.3
 */
export interface EnvelopeRouting {
  key: string;
  phoneNumberId?: string;
  wabaId?: string;
}

export const UNKNOWN_KEY = 'unknown';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Meta sends ids as strings; a number (or anything else) is accepted only if it reads as an id. */
function idOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.length > 0 && value.length <= 128 ? value : undefined;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  return undefined;
}

const arrayOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Routing facts of a parsed body; never throws, whatever `parsed` is. */
export function routeEnvelope(parsed: unknown): EnvelopeRouting {
  let phoneNumberId: string | undefined;
  let wabaId: string | undefined;
  const entries = isObject(parsed) ? arrayOf(parsed.entry) : [];
  for (const entry of entries) {
    if (!isObject(entry)) continue;
    wabaId ??= idOf(entry.id);
    for (const change of arrayOf(entry.changes)) {
      const value = isObject(change) ? change.value : undefined;
      const metadata = isObject(value) ? value.metadata : undefined;
      phoneNumberId = isObject(metadata) ? idOf(metadata.phone_number_id) : undefined;
      if (phoneNumberId) return { key: phoneNumberId, phoneNumberId, ...(wabaId ? { wabaId } : {}) };
    }
  }
  return wabaId ? { key: wabaId, wabaId } : { key: UNKNOWN_KEY };
}

/** True when the body has the documented envelope (`object` and `entry[]`); logged, not enforced. */
export function isEnvelope(parsed: unknown): boolean {
  return isObject(parsed) && typeof parsed.object === 'string' && Array.isArray(parsed.entry);
}
