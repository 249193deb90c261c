import { describe, expect, it } from 'vitest';
import { ConfigError } from '@dbulk/config';
import { loadApiEnv, loadCliEnv } from './env';

const minimal = {
  DATABASE_URL: 'postgres://u:p@localhost/db',
  KAFKA_BROKERS: '127.0.0.1:9092',
  ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'),
};

describe('api env', () => {
  it('applies the documented defaults', () => {
    const env = loadApiEnv(minimal);
    expect(env).toMatchObject({
      PORT: 4000,
      HOST: '0.0.0.0',
      TRUST_PROXY: false,
      BODY_LIMIT_BYTES: 1_048_576,
      NODE_ENV: 'development',
    });
    expect(env.allowedOrigins).toEqual([
      'http://localhost:5173',
      'http://localhost:5174',
      'http://localhost:4000',
    ]);
  });

  it('normalises origins and adds the public URL once', () => {
    const env = loadApiEnv({
      ...minimal,
      ALLOWED_ORIGINS: 'https://app.example.com/, https://admin.example.com',
      PUBLIC_URL: 'https://app.example.com/api',
    });
    expect(env.allowedOrigins).toEqual(['https://app.example.com', 'https://admin.example.com']);
  });

  it('uses the real topics unless a run on its own copies names a prefix', () => {
    expect(loadApiEnv(minimal).KAFKA_TOPIC_PREFIX).toBe('');
    expect(loadApiEnv({ ...minimal, KAFKA_TOPIC_PREFIX: 'readiness-1a2b.' }).KAFKA_TOPIC_PREFIX).toBe('readiness-1a2b.');
  });

  it('parses TRUST_PROXY and BODY_LIMIT_BYTES', () => {
    expect(loadApiEnv({ ...minimal, TRUST_PROXY: 'true', BODY_LIMIT_BYTES: '2048' })).toMatchObject({
      TRUST_PROXY: true,
      BODY_LIMIT_BYTES: 2048,
    });
  });

  it('names every missing or malformed variable', () => {
    try {
      loadApiEnv({ KAFKA_BROKERS: '127.0.0.1:9092', TRUST_PROXY: 'yes', ALLOWED_ORIGINS: 'not a url' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const text = (err as ConfigError).message;
      expect(text).toMatch(/DATABASE_URL is required/);
      expect(text).toMatch(/TRUST_PROXY: must be true or false/);
      expect(text).toMatch(/ENCRYPTION_KEY is required/);
    }
    expect(() => loadApiEnv({ ...minimal, ALLOWED_ORIGINS: 'not a url' })).toThrow(
      /ALLOWED_ORIGINS: not a url is not a URL/,
    );
  });

  it('refuses an encryption key that is not 32 bytes and reads Meta settings', () => {
    expect(() => loadApiEnv({ ...minimal, ENCRYPTION_KEY: 'c2hvcnQ=' })).toThrow(/ENCRYPTION_KEY: must be 32 bytes/);
    expect(loadApiEnv({ ...minimal, META_SANDBOX_URL: 'http://127.0.0.1:4010' })).toMatchObject({
      META_GRAPH_URL: 'https://graph.facebook.com',
      META_SANDBOX_URL: 'http://127.0.0.1:4010',
      ENCRYPTION_KEYS_PREVIOUS: [],
    });
  });

  it('asks the CLI only for the database', () => {
    expect(loadCliEnv({ DATABASE_URL: minimal.DATABASE_URL }).DATABASE_URL).toBe(minimal.DATABASE_URL);
    expect(() => loadCliEnv({})).toThrow(/DATABASE_URL is required/);
  });
});
