/**
 * A failed Graph call as one AppError: Meta's code, subcode, title, message, details and
 * fbtrace_id, the HTTP status Meta answered with, and dbulk's classification (errors.ts).
 *
 * Names differ from Meta's where AppError already owns the word: `code` is AppError's stable
 * string (`META_131049`, `META_NETWORK`, `META_TIMEOUT`, `META_BAD_RESPONSE`), Meta's number is
 * `metaCode`; `httpStatus` is AppError's category status, Meta's is `responseStatus`; Meta's
 * `error_data.details` is `errorDetails`. Tokens never appear: the request line carries no
 * query string and known secrets are scrubbed from Meta's own text.
 * @see https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes
 */
import { AppError, type ErrorCategory } from '@dbulk/errors';
import { z } from 'zod';
import { classifyMetaError, type MetaErrorClass, type MetaErrorClassification } from './errors';
import { classifyTransportError, isTimeout, type TransportContext } from './transport-errors';

/** `{"error":{message,type,code,error_subcode?,error_data:{messaging_product,details},fbtrace_id}}` */
export const MetaErrorBody = z.object({
  error: z.looseObject({
    message: z.string().optional(),
    type: z.string().optional(),
    code: z.coerce.number().int(),
    error_subcode: z.coerce.number().int().optional(),
    error_user_title: z.string().optional(),
    error_user_msg: z.string().optional(),
    error_data: z.looseObject({ messaging_product: z.string().optional(), details: z.string().optional() }).optional(),
    fbtrace_id: z.string().optional(),
  }),
});
export type MetaErrorBody = z.infer<typeof MetaErrorBody>;

/** Chosen by class, not by code: a tenant's expired Meta token is not the user's session. */
const CATEGORY_BY_CLASS: Record<MetaErrorClass, ErrorCategory> = {
  retryable: 'unavailable',
  throttled: 'rate_limited',
  permanent: 'invalid',
  fix_request: 'invalid',
  needs_human: 'forbidden',
  ambiguous: 'unavailable',
};

export interface MetaApiErrorInit {
  classification: MetaErrorClassification;
  /** "POST /v23.0/1234/messages": method and path only, never the query string. */
  request: string;
  metaCode?: number;
  subcode?: number;
  title?: string;
  metaMessage?: string;
  errorDetails?: string;
  fbtraceId?: string;
  responseStatus?: number;
  cause?: unknown;
  code?: string;
}

export class MetaApiError extends AppError {
  readonly classification: MetaErrorClassification;
  readonly request: string;
  readonly metaCode: number | undefined;
  readonly subcode: number | undefined;
  readonly title: string | undefined;
  readonly metaMessage: string | undefined;
  readonly errorDetails: string | undefined;
  readonly fbtraceId: string | undefined;
  readonly responseStatus: number | undefined;

  constructor(init: MetaApiErrorInit) {
    const { classification: c } = init;
    const code = init.code ?? (init.metaCode === undefined ? 'META_API_ERROR' : `META_${init.metaCode}`);
    const what = init.metaCode === undefined ? c.reason : `${init.metaCode} ${init.metaMessage ?? c.reason}`;
    const extra = [init.errorDetails, init.fbtraceId && `fbtrace_id ${init.fbtraceId}`].filter(Boolean).join('; ');
    const message = `Meta ${init.request} failed (${c.class}): ${what}${extra ? ` — ${extra}` : ''}`;
    super(code, CATEGORY_BY_CLASS[c.class], message, {
      cause: init.cause,
      details: { metaCode: init.metaCode, subcode: init.subcode, class: c.class, fbtraceId: init.fbtraceId },
      ...(c.retryAfterMs === undefined ? {} : { retryAfter: Math.ceil(c.retryAfterMs / 1_000) }),
    });
    this.name = 'MetaApiError';
    this.classification = c;
    this.request = init.request;
    this.metaCode = init.metaCode;
    this.subcode = init.subcode;
    this.title = init.title;
    this.metaMessage = init.metaMessage;
    this.errorDetails = init.errorDetails;
    this.fbtraceId = init.fbtraceId;
    this.responseStatus = init.responseStatus;
  }

  get errorClass(): MetaErrorClass {
    return this.classification.class;
  }
}

export function isMetaApiError(value: unknown): value is MetaApiError {
  return value instanceof MetaApiError;
}

/** Replaces every occurrence of a secret (e.g. the call's token) with `[redacted]`. */
export function redact(text: string | undefined, secrets: readonly string[]): string | undefined {
  if (text === undefined) return undefined;
  return secrets.reduce((acc, secret) => (secret.length >= 4 ? acc.split(secret).join('[redacted]') : acc), text);
}

/** A non-2xx Graph response: Meta's error body when there is one, else the HTTP status alone. */
export function metaErrorFromResponse(
  request: string,
  responseStatus: number,
  body: unknown,
  secrets: readonly string[],
  idempotent: boolean,
): MetaApiError {
  const parsed = MetaErrorBody.safeParse(body);
  if (!parsed.success) {
    // No Meta body: a proxy or edge answered. A 5xx on a write may hide an accepted message.
    const base = classifyMetaError(undefined, { httpStatus: responseStatus });
    const classification: MetaErrorClassification =
      responseStatus >= 500 && !idempotent
        ? { ...base, class: 'ambiguous', reason: `HTTP ${responseStatus} without a Meta error body after a write` }
        : { ...base, reason: `HTTP ${responseStatus} without a Meta error body` };
    return new MetaApiError({ classification, request, responseStatus });
  }
  const e = parsed.data.error;
  return new MetaApiError({
    classification: classifyMetaError(e.code, { httpStatus: responseStatus }),
    request,
    responseStatus,
    metaCode: e.code,
    subcode: e.error_subcode,
    title: redact(e.error_user_title ?? e.type, secrets),
    metaMessage: redact(e.message, secrets),
    errorDetails: redact(e.error_data?.details ?? e.error_user_msg, secrets),
    fbtraceId: e.fbtrace_id,
  });
}

export function metaErrorFromTransport(request: string, err: unknown, context: TransportContext): MetaApiError {
  const classification = classifyTransportError(err, context);
  return new MetaApiError({ classification, request, cause: err, code: isTimeout(err) ? 'META_TIMEOUT' : 'META_NETWORK' });
}

/** A 2xx whose body is not what Meta documents. On a write the effect is unknown: ambiguous. */
export function metaErrorFromBadBody(request: string, responseStatus: number, cause: unknown, idempotent: boolean): MetaApiError {
  const classification: MetaErrorClassification = idempotent
    ? { class: 'permanent', code: undefined, known: false, scope: 'message', reason: 'unexpected response shape', needsReview: true }
    : { class: 'ambiguous', code: undefined, known: false, scope: 'message', reason: 'write answered with an unexpected shape', needsReview: true };
  return new MetaApiError({ classification, request, responseStatus, cause, code: 'META_BAD_RESPONSE' });
}
