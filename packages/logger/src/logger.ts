/**
 * pino with secret redaction and request context from AsyncLocalStorage.
 * @see https://getpino.io/#/docs/redaction
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { pino, type Logger, type LoggerOptions } from 'pino';

export type { Logger };

export interface LogContext {
  requestId?: string;
  tenantId?: string;
  userId?: string;
}

const contextStorage = new AsyncLocalStorage<LogContext>();

/** Runs `fn` with ids that every log line written inside it carries. */
export function withLogContext<T>(context: LogContext, fn: () => T): T {
  return contextStorage.run({ ...contextStorage.getStore(), ...context }, fn);
}

/** Adds ids to the current context (e.g. the tenant once the session is resolved). */
export function extendLogContext(context: LogContext): void {
  const store = contextStorage.getStore();
  if (store) Object.assign(store, context);
}

const SECRET_KEYS = [
  'password',
  'newPassword',
  'currentPassword',
  'passwordHash',
  'token',
  'accessToken',
  'access_token',
  'refreshToken',
  'secret',
  'appSecret',
  'apiKey',
  'authorization',
  'cookie',
  'set-cookie',
  'sessionToken',
  'encryptionKey',
];

export const REDACT_PATHS = [
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((key) => `*.${key}`),
  ...SECRET_KEYS.map((key) => `*.*.${key}`),
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-hub-signature-256"]',
  'res.headers["set-cookie"]',
].map((path) => (path.includes('-') && !path.includes('[') ? path.replace(/(^|\.)([^.]*-[^.]*)$/, '$1["$2"]') : path));

export interface CreateLoggerOptions {
  name: string;
  level?: string;
  /** Where lines go; tests pass a stream to read them back. */
  destination?: pino.DestinationStream;
}

export function createLogger({ name, level = 'info', destination }: CreateLoggerOptions): Logger {
  const options: LoggerOptions = {
    name,
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    mixin: () => ({ ...contextStorage.getStore() }),
    serializers: { err: pino.stdSerializers.err },
  };
  return destination ? pino(options, destination) : pino(options);
}
