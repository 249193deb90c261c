import { describe, expect, it } from 'vitest';
import { createKafka } from './client';
import { kafkaConnection } from './connection';
import { createLogger } from '@dbulk/logger';

describe('kafkaConnection', () => {
  it('is the broker list alone by default (the local stack)', () => {
    expect(kafkaConnection({ KAFKA_BROKERS: ['a:9092'], KAFKA_SSL: false })).toEqual({ brokers: ['a:9092'] });
  });

  it('adds TLS and SASL/SCRAM for a managed cluster', () => {
    expect(
      kafkaConnection({ KAFKA_BROKERS: ['b:9096'], KAFKA_SSL: true, KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'dbulk', KAFKA_SASL_PASSWORD: 'pw' }),
    ).toEqual({ brokers: ['b:9096'], ssl: true, sasl: { mechanism: 'scram-sha-512', username: 'dbulk', password: 'pw' } });
  });

  it('names the missing credentials when SASL is asked for without them', () => {
    expect(() => kafkaConnection({ KAFKA_BROKERS: ['b:9096'], KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'dbulk' })).toThrow(
      /KAFKA_SASL_PASSWORD is required with KAFKA_SASL_MECHANISM=plain/,
    );
  });

  it('is accepted by createKafka', () => {
    const logger = createLogger({ name: 'connection-test', level: 'silent' });
    const connection = kafkaConnection({ KAFKA_BROKERS: ['b:9096'], KAFKA_SSL: true, KAFKA_SASL_MECHANISM: 'scram-sha-256', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' });
    expect(() => createKafka({ ...connection, clientId: 'x', logger })).not.toThrow();
  });
});
