/**
 * Meta error code → what dbulk does about it. Pure: no I/O, so the sender, the processor
 * (status webhook `errors[]`) and the api share one table. Build on `code`, never on titles
 * or HTTP status (Meta deprecates titles; subcodes are gone since v16.0).
 *
 * Classes:
 * - `retryable`   transient; retry with backoff and jitter (bounded by `maxAttempts` when set,
 *                 then treat as `exhaustedClass`).
 * - `throttled`   a rate limit; the message is fine, send it later and slow down.
 * - `permanent`   this message/recipient will not succeed: fail the row, do not retry.
 * - `fix_request` permanent too, but the request we built is wrong (parameters, template
 *                 shape): fail the row AND surface it as a bug/configuration problem. Kept as
 *                 its own class rather than a flag so a `switch` cannot forget it.
 * - `needs_human` the tenant/number/template needs action: the message was NOT sent, so hold
 *                 it (do not fail it) and pause the campaign until someone fixes the cause.
 * - `ambiguous`   never from a Meta code: the request may have reached Meta but no answer
 *                 came back (see transport-errors.ts). Never resend blindly; reconcile.
 *
 * Unknown codes: HTTP 5xx → retryable 3 times then permanent; anything else (4xx, or a webhook
 * with no HTTP status) → permanent. Both carry `needsReview` so someone adds the code here.
 * @see https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes
 */
import { META_ERROR_TABLE, type MetaErrorEntry } from './error-table';

export const META_ERROR_CLASSES = ['retryable', 'throttled', 'permanent', 'fix_request', 'needs_human', 'ambiguous'] as const;
export type MetaErrorClass = (typeof META_ERROR_CLASSES)[number];

/** What the reaction applies to: the whole app, one WABA/tenant connection, one number, … */
export type MetaErrorScope = 'app' | 'account' | 'number' | 'template' | 'pair' | 'recipient' | 'message' | 'inbound';

export interface MetaErrorClassification {
  class: MetaErrorClass;
  /** Meta's numeric code; undefined for transport failures and bodies without one. */
  code: number | undefined;
  /** False when the code is not in the table and the conservative default applied. */
  known: boolean;
  scope: MetaErrorScope;
  /** Short reason for logs and the tenant's UI. */
  reason: string;
  /** Attempts in total before giving up; undefined = the caller's own bound. */
  maxAttempts?: number;
  /** The class once `maxAttempts` are spent. */
  exhaustedClass?: MetaErrorClass;
  /** Minimum wait before the next attempt (131057 maintenance ≈ 1 min, 4 app-wide). */
  retryAfterMs?: number;
  /** Do not message this recipient again before now + this (131049: 24 h). */
  notBeforeMs?: number;
  /** Delay only this (number, recipient) pair by 4^X s, X = failures so far (131056). */
  pairBackoff?: boolean;
  /** Halve the number's send rate (AIMD decrease). */
  halveRate?: boolean;
  /** Add the recipient to the tenant's suppression list with this scope (131050). */
  suppressRecipient?: 'marketing';
  /** Mark the contact as not reachable on WhatsApp (131026). */
  flagContact?: boolean;
  /** The tenant's connection (token, WABA, number, billing) is unusable until someone acts. */
  markConnectionBroken?: boolean;
  /** Stop the campaign (every needs_human code, 132015, 132016). */
  pauseCampaign?: boolean;
  /** Re-read the WABA's templates: ours may be stale (132001). */
  resyncTemplates?: boolean;
  /** Unknown code: classified by default; add it to the table. */
  needsReview?: boolean;
}

export interface ClassifyOptions {
  /** HTTP status of a synchronous Graph response; absent for webhook errors. */
  httpStatus?: number;
}

function fromEntry(code: number, entry: MetaErrorEntry): MetaErrorClassification {
  const [cls, scope, reason, extra] = entry;
  const pause = cls === 'needs_human' ? { pauseCampaign: true } : {};
  return { class: cls, code, known: true, scope, reason, ...pause, ...extra };
}

/** Classifies a Meta error code (from a Graph error body or a status webhook's `errors[]`). */
export function classifyMetaError(code: number | undefined, options: ClassifyOptions = {}): MetaErrorClassification {
  if (code !== undefined) {
    const entry = META_ERROR_TABLE.get(code);
    if (entry) return fromEntry(code, entry);
    // 200–299 is a documented range: permission errors (200 = no token at all).
    if (code >= 200 && code <= 299) {
      return fromEntry(code, ['needs_human', 'account', 'permission error', { markConnectionBroken: true }]);
    }
  }
  const status = options.httpStatus;
  if (status === 429) {
    return { class: 'throttled', code, known: false, scope: 'app', reason: 'HTTP 429 without a known code', halveRate: true, needsReview: true };
  }
  if (status !== undefined && status >= 500) {
    return {
      class: 'retryable',
      code,
      known: false,
      scope: 'message',
      reason: `unknown error (HTTP ${status})`,
      maxAttempts: 3,
      exhaustedClass: 'permanent',
      needsReview: true,
    };
  }
  return { class: 'permanent', code, known: false, scope: 'message', reason: 'unknown error code', needsReview: true };
}

/** 131056: wait 4^X seconds, X = 0, 1, 2… failures for this pair; capped at one hour. */
export function pairBackoffMs(failures: number, capMs = 60 * 60 * 1_000): number {
  const exponent = Math.max(0, Math.min(20, Math.floor(failures)));
  return Math.min(capMs, 4 ** exponent * 1_000);
}

/** True when a later attempt of the same message may succeed without anyone acting. */
export function isRetryLater(cls: MetaErrorClass): boolean {
  return cls === 'retryable' || cls === 'throttled';
}
