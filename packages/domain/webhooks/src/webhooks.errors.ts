/**
 * The processor's errors, and which failures a retry can fix. A database that is down, a
 * deadlock or a dropped connection is transient (the consumer backs off and fetches the records
 * again); bad data (too long, out of range, a constraint) is not, and only that change fails.
 * @see https://www.postgresql.org/docs/current/errcodes-appendix.html
 */
import { AppError, isAppError } from '@dbulk/errors';

export const WebhooksErrors = {
  unparseable: (source: string, reason: string, cause?: unknown) =>
    new AppError('WEBHOOK_UNPARSEABLE', 'invalid', `webhook record ${source} cannot be parsed: ${reason}`, { cause }),
  changesFailed: (source: string, count: number, total: number, detail: string) =>
    new AppError('WEBHOOK_CHANGES_FAILED', 'invalid', `${count} of ${total} change(s) of webhook record ${source} could not be applied: ${detail}`),
};

/** SQLSTATE classes a retry can fix: connection, rollback (deadlock, serialization), resources, lock, operator, system. */
const TRANSIENT_SQLSTATE = /^(08|40|53|55|57|58)/;
const TRANSIENT_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const TRANSIENT_MESSAGE = /connection terminated|timeout acquiring a connection|connection (is )?closed|Client has encountered a connection error|terminating connection/i;

function sqlStateOf(err: object): string | undefined {
  const { sqlState, code } = err as { sqlState?: unknown; code?: unknown };
  if (typeof sqlState === 'string' && /^[0-9A-Z]{5}$/.test(sqlState)) return sqlState;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  return undefined;
}

export function isTransientError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  if (isAppError(err)) return ['unavailable', 'rate_limited', 'conflict'].includes(err.category);
  // Node's socket codes first: EPIPE also looks like a five-character SQLSTATE.
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && TRANSIENT_NODE_CODES.has(code)) return true;
  const state = sqlStateOf(err);
  if (state) return TRANSIENT_SQLSTATE.test(state);
  if ((err as { name?: unknown }).name === 'KnexTimeoutError' || (err as { name?: unknown }).name === 'ConnectionException') return true;
  const message = (err as { message?: unknown }).message;
  if (typeof message === 'string' && TRANSIENT_MESSAGE.test(message)) return true;
  const cause = (err as { cause?: unknown }).cause;
  return cause !== undefined && cause !== err && isTransientError(cause);
}

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
