import { ConfigError } from '@dbulk/config';
import { describe, expect, it } from 'vitest';
import { loadSenderEnv } from './env';

const base = { DATABASE_URL: 'postgres://u:p@h/db', KAFKA_BROKERS: 'a:9092', ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64') };

describe('sender env', () => {
  it('defaults to port 4002, 32 sends in flight and the planner on', () => {
    expect(loadSenderEnv(base)).toMatchObject({ PORT: 4002, SENDER_CONCURRENCY: 32, PLANNER_ENABLED: true, KAFKA_TOPIC_PREFIX: '', META_API_VERSION: 'v23.0' });
  });

  it('turns the planner off with PLANNER_ENABLED=false', () => {
    expect(loadSenderEnv({ ...base, PLANNER_ENABLED: 'false' }).PLANNER_ENABLED).toBe(false);
  });

  it('runs a planner-only process with SENDER_CONSUMER_ENABLED=false (the chart\'s planner Deployment)', () => {
    expect(loadSenderEnv(base).SENDER_CONSUMER_ENABLED).toBe(true);
    expect(loadSenderEnv({ ...base, SENDER_CONSUMER_ENABLED: 'false' })).toMatchObject({ SENDER_CONSUMER_ENABLED: false, PLANNER_ENABLED: true });
  });

  it('refuses a process with neither the consumer nor the planner', () => {
    expect(() => loadSenderEnv({ ...base, SENDER_CONSUMER_ENABLED: 'false', PLANNER_ENABLED: 'false' })).toThrow(/would do nothing/);
  });

  it('names a missing encryption key (tokens cannot be opened without it)', () => {
    const { ENCRYPTION_KEY: _key, ...rest } = base;
    expect(() => loadSenderEnv(rest)).toThrow(ConfigError);
    expect(() => loadSenderEnv(rest)).toThrow(/ENCRYPTION_KEY is required/);
  });

  it('refuses a concurrency of zero', () => {
    expect(() => loadSenderEnv({ ...base, SENDER_CONCURRENCY: '0' })).toThrow(/SENDER_CONCURRENCY/);
  });
});
