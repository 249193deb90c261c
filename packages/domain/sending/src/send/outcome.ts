/**
 * What one send's answer means for its row: the shared state machine's exits from SENDING.
 * Pure: the sender applies the decisions set-wise (results.repository.ts).
 * @see /work/shared/meta/README.md §4 (error classes and reactions)
 */
import { AMBIGUOUS_TITLE } from '@dbulk/domain-campaigns';
import { backoffDelay } from '@dbulk/kafka';
import { isMetaApiError, pairBackoffMs, type MetaErrorClassification } from '@dbulk/meta';

export type SendOutcome =
  | { kind: 'accepted'; wamid: string }
  /** Back to RETRY_WAIT until `nextAttemptAt`; `throttled` also slows the number down. */
  | { kind: 'retry'; nextAttemptAt: Date; errorCode: number | null; errorTitle: string; throttled: boolean }
  | { kind: 'failed'; errorCode: number | null; errorTitle: string; reason: string | null; needsReview: boolean; suppress?: SuppressionOrder }
  /** Not sent (or refused for a reason someone must fix): back to PENDING, the campaign pauses. */
  | {
      kind: 'pause';
      errorCode: number | null;
      errorTitle: string;
      statusCode: string;
      statusReason: string;
      throttled: boolean;
      /** Meta refused the connection itself (token, permission, account locked): mark the number broken. */
      accountBroken: boolean;
    }
  /** Not attempted (paused, stopped, kill switch, rate horizon): back to PENDING. */
  | { kind: 'released' }
  /** Suppressed since the campaign started (opt-out, 131050 of an earlier message): not sent. */
  | { kind: 'skipped'; reason: string };

export interface SuppressionOrder {
  scope: 'marketing' | 'all';
  reason: string;
}

export interface RetryPolicy {
  /** Attempts (claims) in total before a retryable error fails the message. */
  maxAttempts: number;
  backoff: { initialMs: number; maxMs: number; factor: number; jitter: number };
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  backoff: { initialMs: 5_000, maxMs: 15 * 60_000, factor: 3, jitter: 0.2 },
};

export { AMBIGUOUS_TITLE };
export const UNDELIVERABLE_REASON = 'not on WhatsApp / undeliverable';

const withJitter = (ms: number, random: () => number) => Math.round(ms * (1 + 0.2 * random()));

function titleOf(err: unknown, c: MetaErrorClassification): string {
  if (isMetaApiError(err)) return [err.title, err.metaMessage].filter(Boolean).join(': ') || c.reason;
  return c.reason;
}

/** Decides a failed send. `attempts` counts this one (the claim incremented it). */
export function decideFailure(err: unknown, attempts: number, now: number, policy = DEFAULT_RETRY_POLICY, random = Math.random): SendOutcome {
  if (!isMetaApiError(err)) {
    // Thrown by our own code around the call: we cannot tell whether the request left.
    const title = `${AMBIGUOUS_TITLE} (${err instanceof Error ? err.message : String(err)})`;
    return { kind: 'failed', errorCode: null, errorTitle: title.slice(0, 500), reason: 'ambiguous', needsReview: true };
  }
  const c = err.classification;
  const code = err.metaCode ?? null;
  const title = titleOf(err, c);
  const at = (ms: number) => new Date(now + ms);
  switch (c.class) {
    case 'throttled': {
      // No message fails for throttling: it waits, and the number slows down.
      const wait = c.pairBackoff ? pairBackoffMs(attempts - 1) : (c.retryAfterMs ?? 1_000);
      return { kind: 'retry', nextAttemptAt: at(withJitter(wait, random)), errorCode: code, errorTitle: title, throttled: c.halveRate === true };
    }
    case 'retryable': {
      const limit = c.maxAttempts ?? policy.maxAttempts;
      if (attempts >= limit) {
        return { kind: 'failed', errorCode: code, errorTitle: `${title} (gave up after ${attempts} attempts)`, reason: 'retries_exhausted', needsReview: false };
      }
      const wait = Math.max(c.retryAfterMs ?? 0, backoffDelay(attempts, policy.backoff, random));
      return { kind: 'retry', nextAttemptAt: at(wait), errorCode: code, errorTitle: title, throttled: false };
    }
    case 'needs_human':
      return {
        kind: 'pause',
        errorCode: code,
        errorTitle: title,
        statusCode: code === null ? 'META_NEEDS_ACTION' : `META_${code}`,
        statusReason: c.markConnectionBroken
          ? `Sending paused: Meta answered ${code ?? ''} ${c.reason}. Reconnect or revalidate the WhatsApp number, then resume the campaign.`.replace(/\s+/g, ' ')
          : `Sending paused: Meta answered ${code ?? ''} ${c.reason}. Fix it, then resume the campaign.`.replace(/\s+/g, ' '),
        throttled: c.halveRate === true,
        accountBroken: c.markConnectionBroken === true,
      };
    case 'ambiguous':
      return { kind: 'failed', errorCode: code, errorTitle: `${AMBIGUOUS_TITLE} (${c.reason})`, reason: 'ambiguous', needsReview: true };
    case 'permanent':
    case 'fix_request': {
      // 131049: the user may be messaged again after 24 h; once, not hammered.
      if (c.notBeforeMs !== undefined && attempts < policy.maxAttempts) {
        return { kind: 'retry', nextAttemptAt: at(c.notBeforeMs), errorCode: code, errorTitle: title, throttled: false };
      }
      const suppress: SuppressionOrder | undefined = c.suppressRecipient
        ? { scope: 'marketing', reason: c.reason }
        : c.flagContact
          ? { scope: 'all', reason: UNDELIVERABLE_REASON }
          : undefined;
      // needs_review is kept for unknown outcomes; a refused request is a known one.
      const reason = c.class === 'fix_request' ? 'request_invalid' : null;
      return { kind: 'failed', errorCode: code, errorTitle: title, reason, needsReview: false, ...(suppress ? { suppress } : {}) };
    }
  }
}
