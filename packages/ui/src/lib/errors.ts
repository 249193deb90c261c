/**
 * Reading tRPC errors without depending on @trpc/client: a TRPCClientError carries the server's
 * error-formatter output under `data` (`code`, `appCode`, `fieldErrors`), so duck typing is enough
 * and the helpers also accept plain objects in tests.
 */
export interface ApiErrorData {
  code?: string;
  appCode?: string | null;
  httpStatus?: number;
  fieldErrors?: Record<string, string[] | undefined>;
  /** Seconds to wait (rate-limited answers). */
  retryAfter?: number;
}

function minutes(seconds: number): string {
  const m = Math.max(1, Math.ceil(seconds / 60));
  return m === 1 ? '1 minute' : `${m} minutes`;
}

/**
 * Friendly words for the stable codes a person can act on; any other code shows the server's
 * message, which names the context ("tenant Acme is suspended; contact support").
 */
export const APP_CODE_MESSAGES: Record<string, string | ((data: ApiErrorData) => string)> = {
  INVALID_CREDENTIALS: 'That email and password do not match an account.',
  LOGIN_THROTTLED: (data) =>
    data.retryAfter
      ? `Too many sign-in attempts. Try again in ${minutes(data.retryAfter)}.`
      : 'Too many sign-in attempts. Wait a few minutes, then try again.',
  EMAIL_TAKEN: 'An account with this email already exists. Sign in instead.',
  NO_TENANT_SELECTED: 'Select a tenant first.',
};

/** "email or password is incorrect" → "Email or password is incorrect." */
export function sentence(message: string): string {
  const trimmed = message.trim();
  if (!trimmed) return trimmed;
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

const CODE_MESSAGES: Record<string, string> = {
  UNAUTHORIZED: 'Your session has ended. Sign in again.',
  FORBIDDEN: 'Your role does not allow this.',
  NOT_FOUND: 'That no longer exists.',
  TOO_MANY_REQUESTS: 'Too many requests. Wait a moment, then try again.',
  SERVICE_UNAVAILABLE: 'The service is temporarily unavailable. Try again shortly.',
  INTERNAL_SERVER_ERROR: 'Something went wrong on our side. Try again; if it keeps happening, contact support.',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function errorDataOf(error: unknown): ApiErrorData | undefined {
  if (!isRecord(error) || !isRecord(error['data'])) return undefined;
  return error['data'] as ApiErrorData;
}

export function trpcCodeOf(error: unknown): string | undefined {
  const code = errorDataOf(error)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function appCodeOf(error: unknown): string | undefined {
  const code = errorDataOf(error)?.appCode;
  return typeof code === 'string' ? code : undefined;
}

/** Field → messages, only the fields that have at least one message. */
export function fieldErrorsOf(error: unknown): Record<string, string[]> {
  const raw = errorDataOf(error)?.fieldErrors;
  const out: Record<string, string[]> = {};
  if (!isRecord(raw)) return out;
  for (const [field, messages] of Object.entries(raw)) {
    if (Array.isArray(messages)) {
      const strings = messages.filter((m): m is string => typeof m === 'string' && m.length > 0);
      if (strings.length > 0) out[field] = strings;
    }
  }
  return out;
}

/** The first message for one field, as a sentence, ready for a TextField's `error`. */
export function fieldErrorOf(error: unknown, field: string): string | undefined {
  const message = fieldErrorsOf(error)[field]?.[0];
  return message === undefined ? undefined : sentence(message);
}

/** An expired or missing session, as opposed to a failed sign-in attempt. */
export function isSessionError(error: unknown): boolean {
  return trpcCodeOf(error) === 'UNAUTHORIZED' && appCodeOf(error) !== 'INVALID_CREDENTIALS';
}

function looksLikeRawPayload(message: string): boolean {
  const trimmed = message.trim();
  return trimmed.startsWith('[') || trimmed.startsWith('{');
}

/** One sentence a person can act on, for an ErrorBanner. */
export function errorMessageOf(error: unknown): string {
  const data = errorDataOf(error) ?? {};
  const appCode = appCodeOf(error);
  const known = appCode ? APP_CODE_MESSAGES[appCode] : undefined;
  if (known) return typeof known === 'function' ? known(data) : known;
  const fieldMessages = Object.values(fieldErrorsOf(error)).flat();
  if (fieldMessages.length === 1 && fieldMessages[0]) return sentence(fieldMessages[0]);
  if (fieldMessages.length > 1) return 'Check the highlighted fields.';
  const code = trpcCodeOf(error);
  const message = error instanceof Error ? error.message : isRecord(error) ? String(error['message'] ?? '') : '';
  if (!code && /fetch|network|load failed/i.test(message)) {
    return 'Cannot reach the dbulk API. Check your connection, then try again.';
  }
  if (message && !looksLikeRawPayload(message) && code !== 'INTERNAL_SERVER_ERROR') return sentence(message);
  return (code && CODE_MESSAGES[code]) || 'Something went wrong. Try again.';
}
