import { describe, expect, it } from 'vitest';
import { loadIngestEnv } from './env';

const minimal = { KAFKA_BROKERS: '127.0.0.1:9092', META_APP_SECRET: 'app-secret', META_WEBHOOK_VERIFY_TOKEN: 'verify' };

describe('ingest env', () => {
  it('applies the documented defaults', () => {
    expect(loadIngestEnv(minimal)).toMatchObject({
      PORT: 4001,
      KAFKA_BROKERS: ['127.0.0.1:9092'],
      INGEST_BODY_LIMIT_BYTES: 3_670_016,
      INGEST_ACK_TIMEOUT_MS: 2_000,
      INGEST_BATCH_LINGER_MS: 2,
      INGEST_BATCH_MAX_RECORDS: 200,
      KAFKA_TOPIC_PREFIX: '',
    });
  });

  it('requires the app secret and the verify token, naming both', () => {
    expect(() => loadIngestEnv({ KAFKA_BROKERS: 'k:9092' })).toThrowError(/META_APP_SECRET is required[\s\S]*META_WEBHOOK_VERIFY_TOKEN is required/);
  });

  it('rejects limits out of range', () => {
    expect(() => loadIngestEnv({ ...minimal, INGEST_BODY_LIMIT_BYTES: '10' })).toThrowError(/INGEST_BODY_LIMIT_BYTES/);
    expect(() => loadIngestEnv({ ...minimal, INGEST_ACK_TIMEOUT_MS: 'soon' })).toThrowError(/INGEST_ACK_TIMEOUT_MS/);
  });
});
