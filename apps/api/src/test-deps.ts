/**
 * Test wiring of the api. `fakeDeps`: ApiDeps for unit tests of the HTTP layer, with no database
 * behind them, so only requests answered before a procedure touches the ORM may be sent (probes,
 * metrics, rejected requests). `testDepsEnv`: what integration tests give `createDeps` to run
 * against the test stack (real PostgreSQL and Kafka, Meta unreachable, a fixed key).
 */
import { EventEmitter } from 'node:events';
import type { ApiDeps, HealthReport } from '@dbulk/api';
import type { MikroORM } from '@dbulk/db';
import { createLogger } from '@dbulk/logger';
import { GraphClient } from '@dbulk/meta';
import { createKeyring } from '@dbulk/domain-whatsapp';
import { testStack } from '@dbulk/testing';
import type { DepsEnv } from './deps';

export const TEST_ORIGIN = 'http://localhost:5173';

export function fakeDeps(health: HealthReport = { database: 'up', kafka: 'up' }): ApiDeps {
  return {
    orm: { em: { fork: () => ({}) } } as unknown as MikroORM,
    logger: createLogger({ name: 'api-test', level: 'silent' }),
    auditFeed: new EventEmitter(),
    events: new EventEmitter(),
    producer: { send: async () => [] },
    health: async () => health,
    version: '0.0.0-test',
    startedAt: new Date(),
    allowedOrigins: ['http://localhost:5173'],
    whatsapp: {
      graph: new GraphClient({ graphUrl: 'http://127.0.0.1:9', apiVersion: 'v23.0' }),
      keyring: createKeyring(Buffer.alloc(32, 7).toString('base64')),
    },
    sandboxUrl: null,
  };
}

export function testDepsEnv(clientId: string, brokers = testStack().kafkaBrokers): DepsEnv {
  return {
    DATABASE_URL: testStack().databaseUrl,
    DATABASE_POOL_MAX: 5,
    KAFKA_BROKERS: brokers,
    KAFKA_CLIENT_ID: clientId,
    allowedOrigins: [TEST_ORIGIN],
    META_GRAPH_URL: 'http://127.0.0.1:9',
    META_API_VERSION: 'v23.0',
    META_APP_ID: undefined,
    META_APP_SECRET: undefined,
    META_SANDBOX_URL: undefined,
    ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
    ENCRYPTION_KEYS_PREVIOUS: [],
  };
}
