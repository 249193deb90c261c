/**
 * Where the tests' broker is: KAFKA_BROKERS, or else the `.data/stack.env` that `scripts/stack up`
 * writes at the repo root (read by @dbulk/config). Tests never start a broker of their own.
 */
import { readStackEnvFile } from '@dbulk/config';

export function testBrokers(): string[] {
  const raw = process.env.KAFKA_BROKERS ?? readStackEnvFile().KAFKA_BROKERS;
  if (!raw) throw new Error('KAFKA_BROKERS is not set and .data/stack.env has none: run scripts/stack up');
  return raw.split(',').map((broker) => broker.trim()).filter(Boolean);
}

export function testLogLevel(): string {
  return process.env.TEST_LOG_LEVEL ?? 'error';
}
