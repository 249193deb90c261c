/**
 * The headers every dbulk record carries (STYLE.md): `event-id` lets consumers dedupe and
 * trace a record end to end; `schema-version` says how to read its value.
 * @see https://kafka.js.org/docs/producing#message-headers
 */
import { randomUUID } from 'node:crypto';

export const EVENT_ID_HEADER = 'event-id';
export const SCHEMA_VERSION_HEADER = 'schema-version';

export type RecordHeaders = Record<string, string>;

/** The caller's headers plus ours; a given `event-id` is kept (e.g. derived from the payload for dedupe). */
export function buildHeaders(
  schemaVersion: number,
  given: RecordHeaders = {},
  newId: () => string = randomUUID,
): RecordHeaders {
  return {
    ...given,
    [EVENT_ID_HEADER]: given[EVENT_ID_HEADER] || newId(),
    [SCHEMA_VERSION_HEADER]: String(schemaVersion),
  };
}

type RawHeaderValue = Buffer | string | (Buffer | string)[] | undefined;

/** Kafka headers arrive as buffers and may repeat; we keep the last value of each as text. */
export function readHeaders(raw: Record<string, RawHeaderValue> | undefined): RecordHeaders {
  const headers: RecordHeaders = {};
  for (const [name, value] of Object.entries(raw ?? {})) {
    const last = Array.isArray(value) ? value.at(-1) : value;
    if (last !== undefined) headers[name] = last.toString();
  }
  return headers;
}

/** The schema version a record was written with, or undefined when missing or malformed. */
export function schemaVersionOf(headers: RecordHeaders): number | undefined {
  const value = Number(headers[SCHEMA_VERSION_HEADER]);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}
