/**
 * The key a change is stored under in `webhook_events.dedupe_key` (unique, kept ≥ 7 days).
 *
 * @dbulk/meta's keys built from Meta's own ids (`status:<wamid>:…`, `inbound:<wamid>`,
 * `template:<template id>:…`) are global. The others (`pref:<user>:…` and the
 * `<field>:<sha256 of the value>:<time>` family) do not name the WABA or number, so the same
 * capability update or account event sent to two tenants' WABAs in the same second would
 * collide and the second tenant's copy would be dropped as a "duplicate". Those keys are
 * scoped here with `@<phone number id | WABA id>`; a redelivery carries the same ids, so it
 * still finds its key.
 */
import { sha256Hex, type WebhookChange } from '@dbulk/meta';

/** `webhook_events.dedupe_key` is varchar(300). */
export const DEDUPE_KEY_MAX = 300;

const GLOBAL_KEY = /^(status|inbound|template):/;

/** Long keys keep a readable head and end in the hash of the whole key (deterministic). */
export function fitKey(key: string, max = DEDUPE_KEY_MAX): string {
  if (key.length <= max) return key;
  const hash = sha256Hex(key);
  return `${key.slice(0, max - hash.length - 1)}#${hash}`;
}

export function storedDedupeKey(change: Pick<WebhookChange, 'dedupeKey' | 'phoneNumberId' | 'wabaId'>): string {
  if (GLOBAL_KEY.test(change.dedupeKey)) return fitKey(change.dedupeKey);
  return fitKey(`${change.dedupeKey}@${change.phoneNumberId ?? change.wabaId}`);
}
