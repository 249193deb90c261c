/**
 * Where the brokers are and how to reach them, from the parsed environment (`kafkaEnv` of
 * @dbulk/config): broker list, TLS, SASL. Every app spreads it into `createKafka`, so a cluster
 * with TLS and SASL/SCRAM needs environment variables only.
 * @see https://kafka.js.org/docs/configuration#ssl
 * @see https://kafka.js.org/docs/configuration#sasl
 */
import { ConfigError } from '@dbulk/config';

export type SaslMechanism = 'plain' | 'scram-sha-256' | 'scram-sha-512';

export interface KafkaConnection {
  brokers: string[];
  ssl?: boolean;
  sasl?: { mechanism: SaslMechanism; username: string; password: string };
}

export interface KafkaConnectionEnv {
  KAFKA_BROKERS: string[];
  KAFKA_SSL?: boolean;
  KAFKA_SASL_MECHANISM?: SaslMechanism;
  KAFKA_SASL_USERNAME?: string;
  KAFKA_SASL_PASSWORD?: string;
}

/** Throws a ConfigError naming what is missing when SASL is asked for without credentials. */
export function kafkaConnection(env: KafkaConnectionEnv): KafkaConnection {
  const connection: KafkaConnection = { brokers: env.KAFKA_BROKERS };
  if (env.KAFKA_SSL) connection.ssl = true;
  if (env.KAFKA_SASL_MECHANISM) {
    const missing = (['KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD'] as const).filter((name) => !env[name]);
    if (missing.length) throw new ConfigError(missing.map((name) => `${name} is required with KAFKA_SASL_MECHANISM=${env.KAFKA_SASL_MECHANISM}`));
    connection.sasl = { mechanism: env.KAFKA_SASL_MECHANISM, username: env.KAFKA_SASL_USERNAME!, password: env.KAFKA_SASL_PASSWORD! };
  }
  return connection;
}
