/**
 * What makes a record poison: it cannot be decoded, it fails its schema, or its handler failed
 * in a way a retry cannot fix. Poison goes to the DLQ; everything else is retried.
 */
import { isAppError, type ErrorCategory } from '@dbulk/errors';
import { z } from 'zod';
import type { DlqRecord } from './records.schema';
import { readHeaders, schemaVersionOf, EVENT_ID_HEADER, type RecordHeaders } from './headers';

/** Throw (or wrap) this in a handler to say "retrying will not help: dead-letter this record". */
export class PermanentError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PermanentError';
    this.code = code;
  }
}

export type ErrorKind = 'permanent' | 'transient';

// Bad input stays bad however often it is retried; everything else (unavailable, conflict,
// internal, unknown) may be a passing outage or race, so it is retried rather than dropped.
const PERMANENT_CATEGORIES: ErrorCategory[] = ['invalid', 'not_found', 'forbidden', 'unauthenticated'];

export function classifyError(err: unknown): ErrorKind {
  if (err instanceof PermanentError || err instanceof z.ZodError) return 'permanent';
  if (isAppError(err)) return PERMANENT_CATEGORIES.includes(err.category) ? 'permanent' : 'transient';
  return 'transient';
}

export function errorInfo(err: unknown): DlqRecord['error'] {
  if (!(err instanceof Error)) return { message: String(err) };
  const code = (err as { code?: unknown }).code;
  return { message: err.message, name: err.name, ...(typeof code === 'string' ? { code } : {}) };
}

export interface RawMessage {
  key: Buffer | null;
  value: Buffer | null;
  offset: string;
  timestamp: string;
  headers?: Parameters<typeof readHeaders>[0];
}

export interface DecodedRecord<T> {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: T;
  headers: RecordHeaders;
  eventId: string | undefined;
  schemaVersion: number | undefined;
  /** Broker or producer time, ms since the epoch, as Kafka gives it. */
  timestamp: string;
}

export type DecodeResult<T> = { ok: true; record: DecodedRecord<T> } | { ok: false; error: PermanentError };

export function decodeRecord<S extends z.ZodType>(
  schema: S,
  topic: string,
  partition: number,
  message: RawMessage,
): DecodeResult<z.output<S>> {
  const headers = readHeaders(message.headers);
  const where = `${topic}[${partition}]@${message.offset}`;
  if (message.value === null) {
    return { ok: false, error: new PermanentError('RECORD_EMPTY', `${where} has no value`) };
  }
  let json: unknown;
  try {
    json = JSON.parse(message.value.toString('utf8'));
  } catch (cause) {
    return { ok: false, error: new PermanentError('RECORD_NOT_JSON', `${where} is not JSON`, { cause }) };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(value)'}: ${i.message}`);
    const version = headers['schema-version'] ?? 'missing';
    const text = `${where} does not match its schema (schema-version ${version}): ${problems.join('; ')}`;
    return { ok: false, error: new PermanentError('RECORD_INVALID', text) };
  }
  return {
    ok: true,
    record: {
      topic,
      partition,
      offset: message.offset,
      key: message.key?.toString('utf8') ?? null,
      value: parsed.data,
      headers,
      eventId: headers[EVENT_ID_HEADER],
      schemaVersion: schemaVersionOf(headers),
      timestamp: message.timestamp,
    },
  };
}

export interface DlqSource {
  topic: string;
  partition: number;
  groupId: string;
  message: RawMessage;
}

/** The DLQ value for a record that failed: the original bytes as text, with the reason. */
export function toDlqRecord(source: DlqSource, err: unknown, attempts: number, now = new Date()): DlqRecord {
  const { message } = source;
  return {
    topic: source.topic,
    partition: source.partition,
    offset: message.offset,
    key: message.key?.toString('utf8') ?? null,
    value: message.value?.toString('utf8') ?? null,
    headers: readHeaders(message.headers),
    error: errorInfo(err),
    groupId: source.groupId,
    failedAt: now.toISOString(),
    attempts: Math.max(1, attempts),
  };
}
