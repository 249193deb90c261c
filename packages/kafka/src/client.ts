/**
 * The only place a kafkajs client is built. Everything else receives a `KafkaClient` and hands
 * it back to this package (producer, consumer, admin, health), so apps never import kafkajs.
 * @see https://kafka.js.org/docs/configuration
 * @see https://kafka.js.org/docs/custom-logger
 */
import type { Logger } from '@dbulk/logger';
import { Kafka, logLevel, type Admin, type logCreator, type SASLOptions } from 'kafkajs';

/** Opaque to apps: pass it to this package's factories; do not call kafkajs methods on it. */
export type KafkaClient = Kafka;
export type KafkaAdmin = Admin;

export interface CreateKafkaOptions {
  brokers: string[];
  /** TLS and SASL from `kafkaConnection(env)`; absent on the local stack. */
  ssl?: boolean;
  sasl?: { mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512'; username: string; password: string };
  clientId: string;
  logger: Logger;
  /** TCP connect timeout; short, so an unreachable broker fails a readiness check quickly. */
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** Client-wide retry of failed requests (metadata, produce, fetch…). */
  retry?: { retries?: number; initialRetryTimeMs?: number; maxRetryTimeMs?: number };
}

type PinoLevel = 'error' | 'warn' | 'info' | 'debug';

export function toPinoLevel(level: logLevel): PinoLevel {
  switch (level) {
    case logLevel.ERROR:
    case logLevel.NOTHING:
      return 'error';
    case logLevel.WARN:
      return 'warn';
    case logLevel.INFO:
      return 'info';
    default:
      return 'debug';
  }
}

/** kafkajs filters by level before calling the log creator, so give it the logger's level. */
export function toKafkaLogLevel(pinoLevel: string): logLevel {
  switch (pinoLevel) {
    case 'silent':
      return logLevel.NOTHING;
    case 'fatal':
    case 'error':
      return logLevel.ERROR;
    case 'warn':
      return logLevel.WARN;
    case 'info':
      return logLevel.INFO;
    default:
      return logLevel.DEBUG;
  }
}

/** Routes kafkajs log entries into pino: object first, message second, the error under `err`. */
export function pinoLogCreator(logger: Logger): logCreator {
  const child = logger.child({ component: 'kafkajs' });
  return () =>
    ({ namespace, level, log }) => {
      const { message, timestamp: _timestamp, logger: _logger, error, ...extra } = log;
      child[toPinoLevel(level)]({ namespace, ...extra, ...(error === undefined ? {} : { err: error }) }, message);
    };
}

export function createKafka(options: CreateKafkaOptions): KafkaClient {
  const { retries = 8, initialRetryTimeMs = 300, maxRetryTimeMs = 30_000 } = options.retry ?? {};
  return new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    ...(options.ssl ? { ssl: true } : {}),
    // kafkajs types SASL as a union per mechanism; ours carries the same three fields for each.
    ...(options.sasl ? { sasl: options.sasl as SASLOptions } : {}),
    connectionTimeout: options.connectionTimeoutMs ?? 3_000,
    requestTimeout: options.requestTimeoutMs ?? 30_000,
    // kafkajs's default (5 retries from 300 ms) gives up within ~10 s; a broker restart takes longer.
    retry: { retries, initialRetryTime: initialRetryTimeMs, maxRetryTime: maxRetryTimeMs },
    logLevel: toKafkaLogLevel(options.logger.level),
    logCreator: pinoLogCreator(options.logger),
  });
}
