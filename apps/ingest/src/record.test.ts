import { TOPICS, WebhookRecord } from '@dbulk/kafka';
import { describe, expect, it } from 'vitest';
import { loadIngestEnv } from './env';
import { encodeWebhookRecord, pickHeaders } from './record';

describe('encodeWebhookRecord', () => {
  it('writes a WebhookRecord that keeps the body byte for byte', () => {
    const body = '{"object":"whatsapp_business_account","entry":[{"id":"1","note":"caf\\u00e9 \u00e9 \\"q\\" \u{1F44D}"}]}';
    const text = encodeWebhookRecord({
      body,
      headers: { 'x-hub-signature-256': 'sha256=ab', 'content-type': 'application/json', 'user-agent': 'facebookexternalua', cookie: 'no' },
      receivedAt: new Date('2026-01-01T00:00:00.000Z'),
      phoneNumberId: '301500000000111',
    });
    const record = WebhookRecord.parse(JSON.parse(text));
    expect(record).toEqual({
      receivedAt: '2026-01-01T00:00:00.000Z',
      body,
      headers: { 'x-hub-signature-256': 'sha256=ab', 'content-type': 'application/json', 'user-agent': 'facebookexternalua' },
      phoneNumberId: '301500000000111',
    });
    expect(Buffer.from(record.body, 'utf8').equals(Buffer.from(body, 'utf8'))).toBe(true);
  });

  it('leaves phoneNumberId out when the body names none', () => {
    const record = WebhookRecord.parse(JSON.parse(encodeWebhookRecord({ body: '{}', headers: {}, receivedAt: new Date() })));
    expect(record).not.toHaveProperty('phoneNumberId');
    expect(record.headers).toEqual({});
  });

  it('keeps the first value of a repeated header', () => {
    expect(pickHeaders({ 'user-agent': 'a', 'content-type': 'application/json' })).toEqual({ 'user-agent': 'a', 'content-type': 'application/json' });
  });
});

describe('the dbulk.webhooks topic', () => {
  it('admits the record of the largest body ingest accepts, even when escaping doubles it', () => {
    // Kafka's default max.message.bytes is 1 MiB: without a larger topic setting a 3 MB webhook
    // (Meta's maximum) is answered 503 on every one of Meta's retries for 7 days, then lost.
    const { INGEST_BODY_LIMIT_BYTES } = loadIngestEnv({ KAFKA_BROKERS: 'k:9092', META_APP_SECRET: 's', META_WEBHOOK_VERIFY_TOKEN: 't' });
    const limit = Number((TOPICS['dbulk.webhooks'].configs as Record<string, string>)['max.message.bytes'] ?? 1_048_588);
    // The worst valid JSON for JSON-in-JSON: a string of backslashes, each written twice in the record.
    const body = `"${'\\\\'.repeat((INGEST_BODY_LIMIT_BYTES - 2) / 2)}"`;
    expect(JSON.parse(body)).toBeTypeOf('string');
    const record = encodeWebhookRecord({ body, headers: {}, receivedAt: new Date(), phoneNumberId: '301500000000111' });
    expect(Buffer.byteLength(record), 'set max.message.bytes (8 MiB) on dbulk.webhooks in packages/kafka/src/topics.ts').toBeLessThanOrEqual(limit);
  });
});
