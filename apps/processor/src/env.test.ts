import { ConfigError } from '@dbulk/config';
import { describe, expect, it } from 'vitest';
import { loadCliEnv, loadProcessorEnv } from './env';

const base = { DATABASE_URL: 'postgres://u:p@h/db', KAFKA_BROKERS: 'a:9092,b:9092' };

describe('processor env', () => {
  it('defaults to port 4003, a 30-day retention run hourly and the real topics', () => {
    expect(loadProcessorEnv(base)).toMatchObject({
      PORT: 4003, KAFKA_BROKERS: ['a:9092', 'b:9092'], KAFKA_TOPIC_PREFIX: '', WEBHOOK_RETENTION_DAYS: 30, WEBHOOK_RETENTION_INTERVAL_MINUTES: 60, PROCESSOR_CHUNK_SIZE: 500,
    });
  });

  it('refuses a retention shorter than Meta’s 7-day redelivery window, naming the variable', () => {
    expect(() => loadProcessorEnv({ ...base, WEBHOOK_RETENTION_DAYS: '3' })).toThrow(/WEBHOOK_RETENTION_DAYS/);
  });

  it('joins processor.webhooks unless a run on its own topics names its own group', () => {
    expect(loadProcessorEnv(base).PROCESSOR_GROUP_PURPOSE).toBe('webhooks');
    expect(loadProcessorEnv({ ...base, PROCESSOR_GROUP_PURPOSE: 'readiness-1a2b' }).PROCESSOR_GROUP_PURPOSE).toBe('readiness-1a2b');
    expect(() => loadProcessorEnv({ ...base, PROCESSOR_GROUP_PURPOSE: 'Not Kebab' })).toThrow(/PROCESSOR_GROUP_PURPOSE/);
  });

  it('names a missing database', () => {
    expect(() => loadProcessorEnv({ KAFKA_BROKERS: 'a:9092' })).toThrow(ConfigError);
    expect(() => loadProcessorEnv({ KAFKA_BROKERS: 'a:9092' })).toThrow(/DATABASE_URL is required/);
  });

  it('lets the CLI run without a database and logs warnings only by default', () => {
    expect(loadCliEnv({ KAFKA_BROKERS: 'a:9092' })).toMatchObject({ LOG_LEVEL: 'warn', KAFKA_TOPIC_PREFIX: '' });
  });
});
