import { describe, expect, it } from 'vitest';
import { ConfigError, databaseEnv, encryptionEnv, httpEnv, kafkaEnv, parseEnv } from './env';

const schema = databaseEnv.merge(kafkaEnv).merge(httpEnv(4000));

describe('parseEnv', () => {
  it('parses and applies defaults', () => {
    const env = parseEnv(schema, { DATABASE_URL: 'postgres://u:p@h/db', KAFKA_BROKERS: 'a:1, b:2' });
    expect(env.PORT).toBe(4000);
    expect(env.KAFKA_BROKERS).toEqual(['a:1', 'b:2']);
    expect(env.DATABASE_POOL_MAX).toBe(10);
  });

  it('names a missing variable', () => {
    expect(() => parseEnv(schema, { KAFKA_BROKERS: 'a:1' })).toThrowError(/DATABASE_URL is required/);
  });

  it('names a malformed variable and lists every problem at once', () => {
    try {
      parseEnv(schema, { DATABASE_URL: 'mysql://x', KAFKA_BROKERS: 'a:1', PORT: 'eighty' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      expect(problems).toMatch(/DATABASE_URL: must be a postgres/);
      expect(problems).toMatch(/PORT:/);
    }
  });

  it('treats an empty string as unset', () => {
    expect(parseEnv(httpEnv(4001), { PORT: '' }).PORT).toBe(4001);
  });

  it('checks the encryption key length', () => {
    expect(() => parseEnv(encryptionEnv, { ENCRYPTION_KEY: Buffer.alloc(16).toString('base64') })).toThrowError(
      /ENCRYPTION_KEY: must be 32 bytes/,
    );
    expect(parseEnv(encryptionEnv, { ENCRYPTION_KEY: Buffer.alloc(32).toString('base64') }).ENCRYPTION_KEY).toBeTruthy();
  });

  it('reads Kafka TLS and SASL settings, off by default', () => {
    const plain = parseEnv(kafkaEnv, { KAFKA_BROKERS: 'a:1' });
    expect(plain.KAFKA_SSL).toBe(false);
    expect(plain.KAFKA_SASL_MECHANISM).toBeUndefined();
    expect(
      parseEnv(kafkaEnv, { KAFKA_BROKERS: 'a:1', KAFKA_SSL: 'true', KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' }),
    ).toMatchObject({ KAFKA_SSL: true, KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'u' });
    expect(() => parseEnv(kafkaEnv, { KAFKA_BROKERS: 'a:1', KAFKA_SASL_MECHANISM: 'gssapi' })).toThrowError(/KAFKA_SASL_MECHANISM/);
  });
});
