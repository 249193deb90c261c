/**
 * Where the tests' PostgreSQL and Kafka are: the environment first, then `.data/stack.env`
 * from `scripts/stack up`. Tests use the migrated `dbulk_test` database.
 */
import { randomUUID } from 'node:crypto';
import { readStackEnvFile } from '@dbulk/config';

export interface TestStack {
  databaseUrl: string;
  kafkaBrokers: string[];
}

export function testStack(): TestStack {
  const file = readStackEnvFile();
  const databaseUrl = process.env.DATABASE_URL_TEST ?? file.DATABASE_URL_TEST;
  const brokers = process.env.KAFKA_BROKERS ?? file.KAFKA_BROKERS;
  if (!databaseUrl || !brokers) {
    throw new Error('The test stack is not up: run `scripts/stack up` (or set DATABASE_URL_TEST and KAFKA_BROKERS).');
  }
  return { databaseUrl, kafkaBrokers: brokers.split(',').map((b) => b.trim()) };
}

/** A short unique suffix so parallel and repeated runs never collide. */
export const unique = (prefix = 't') => `${prefix}-${randomUUID().slice(0, 8)}`;
export const uniqueEmail = (prefix = 'user') => `${unique(prefix)}@example.test`;
