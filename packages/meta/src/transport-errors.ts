/**
 * Network failures → retryable or ambiguous. The rule that keeps a message from being sent
 * twice:
 *
 * 1. Failed BEFORE the request was written to a socket (DNS, refused, connect timeout, TLS,
 *    pool closed) → `retryable`: Meta never saw it.
 * 2. Failed AFTER it was written (headers/body timeout, reset, socket closed) →
 *    - GET: `retryable` (reads have no side effects);
 *    - POST/DELETE: `ambiguous`: Meta may have accepted it. The sender must not resend; it
 *      keeps the row unresolved until a status webhook or a reconciliation decides.
 *
 * "Written" is observed, not guessed: undici calls the dispatch handler's `onRequestStart`
 * right before writing the request on a connected socket (graph-transport.ts records it), so
 * a connect timeout or refusal never sets it while a headers/body timeout always follows it.
 * The error codes below are the fallback when that signal is missing; an error we cannot
 * place is treated as after-send (the safe side).
 * @see https://undici.nodejs.org/#/docs/api/Errors
 * @see https://undici.nodejs.org/#/docs/api/Dispatcher?id=dispatcherdispatchoptions-handler
 */
import type { MetaErrorClassification } from './errors';

/** Errors that can only happen while connecting: the request cannot have been written. */
const CONNECT_PHASE_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_CLOSED',
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);

export function errorCodeOf(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  const cause = (err as { cause?: unknown } | null)?.cause;
  return cause && cause !== err ? errorCodeOf(cause) : undefined;
}

export interface TransportContext {
  method: string;
  /** True once undici started writing the request (onRequestStart); undefined when unknown. */
  written: boolean | undefined;
}

export function isTimeout(err: unknown): boolean {
  const code = errorCodeOf(err);
  return code !== undefined && TIMEOUT_CODES.has(code);
}

export function classifyTransportError(err: unknown, context: TransportContext): MetaErrorClassification {
  const code = errorCodeOf(err);
  const connectPhase = code !== undefined && CONNECT_PHASE_CODES.has(code);
  // The observed signal wins; codes only decide when it is missing.
  const written = context.written ?? !connectPhase;
  const what = isTimeout(err) ? 'timeout' : 'network error';
  if (!written) {
    return { class: 'retryable', code: undefined, known: true, scope: 'message', reason: `${what} before the request was sent` };
  }
  if (context.method.toUpperCase() === 'GET') {
    return { class: 'retryable', code: undefined, known: true, scope: 'message', reason: `${what} after a read was sent` };
  }
  return {
    class: 'ambiguous',
    code: undefined,
    known: true,
    scope: 'message',
    reason: `${what} after the request was sent: Meta may have accepted it`,
  };
}
