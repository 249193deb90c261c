/**
 * The `dbulk.webhooks` value (WebhookRecord in @dbulk/kafka): Meta's body exactly as received,
 * the time, the headers the processor may need (the signature, to re-verify before replay).
 * Encoded here once and produced with `sendRaw`, so the body is not parsed and validated twice.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { WebhookRecord } from '@dbulk/kafka';
import { SIGNATURE_HEADER } from '@dbulk/meta';

export const FORWARDED_HEADERS = [SIGNATURE_HEADER, 'content-type', 'user-agent'] as const;

export interface WebhookRecordInput {
  body: string;
  headers: IncomingHttpHeaders;
  receivedAt: Date;
  phoneNumberId?: string;
}

export function pickHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of FORWARDED_HEADERS) {
    const value = headers[name];
    const text = Array.isArray(value) ? value[0] : value;
    if (text !== undefined) picked[name] = text;
  }
  return picked;
}

/** JSON text of a WebhookRecord (its schema is checked by record.test.ts, not per request). */
export function encodeWebhookRecord({ body, headers, receivedAt, phoneNumberId }: WebhookRecordInput): string {
  const record: WebhookRecord = {
    receivedAt: receivedAt.toISOString(),
    body,
    headers: pickHeaders(headers),
    ...(phoneNumberId ? { phoneNumberId } : {}),
  };
  return JSON.stringify(record);
}
