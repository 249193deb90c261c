/**
 * Domain code throws AppError with a stable code and a category; one table (below) maps the
 * category to a tRPC code and an HTTP status, so handlers never choose status codes themselves.
 */
export const ERROR_CATEGORIES = [
  'not_found',
  'conflict',
  'invalid',
  'unauthenticated',
  'forbidden',
  'rate_limited',
  'unavailable',
  'internal',
] as const;
export type ErrorCategory = (typeof ERROR_CATEGORIES)[number];

export type TrpcErrorCode =
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'TOO_MANY_REQUESTS'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

export const CATEGORY_TABLE: Record<ErrorCategory, { trpc: TrpcErrorCode; http: number }> = {
  not_found: { trpc: 'NOT_FOUND', http: 404 },
  conflict: { trpc: 'CONFLICT', http: 409 },
  invalid: { trpc: 'BAD_REQUEST', http: 400 },
  unauthenticated: { trpc: 'UNAUTHORIZED', http: 401 },
  forbidden: { trpc: 'FORBIDDEN', http: 403 },
  rate_limited: { trpc: 'TOO_MANY_REQUESTS', http: 429 },
  unavailable: { trpc: 'SERVICE_UNAVAILABLE', http: 503 },
  internal: { trpc: 'INTERNAL_SERVER_ERROR', http: 500 },
};

export interface AppErrorOptions {
  /** Machine-readable facts for the client (field names, limits); never secrets. */
  details?: Record<string, unknown>;
  cause?: unknown;
  /** Seconds the client should wait (rate_limited). */
  retryAfter?: number;
}

export class AppError extends Error {
  readonly code: string;
  readonly category: ErrorCategory;
  readonly details: Record<string, unknown> | undefined;
  readonly retryAfter: number | undefined;

  constructor(code: string, category: ErrorCategory, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.category = category;
    this.details = options.details;
    this.retryAfter = options.retryAfter;
  }

  get httpStatus(): number {
    return CATEGORY_TABLE[this.category].http;
  }

  get trpcCode(): TrpcErrorCode {
    return CATEGORY_TABLE[this.category].trpc;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** Shorthands for the common categories, so call sites read as sentences. */
export const notFound = (code: string, message: string, options?: AppErrorOptions) =>
  new AppError(code, 'not_found', message, options);
export const conflict = (code: string, message: string, options?: AppErrorOptions) =>
  new AppError(code, 'conflict', message, options);
export const invalid = (code: string, message: string, options?: AppErrorOptions) =>
  new AppError(code, 'invalid', message, options);
export const forbidden = (code: string, message: string, options?: AppErrorOptions) =>
  new AppError(code, 'forbidden', message, options);
export const unauthenticated = (code: string, message: string, options?: AppErrorOptions) =>
  new AppError(code, 'unauthenticated', message, options);
export const rateLimited = (code: string, message: string, options?: AppErrorOptions) =>
  new AppError(code, 'rate_limited', message, options);
