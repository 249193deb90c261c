/**
 * ApiDeps for unit tests of the HTTP layer: no database behind them, so only requests that are
 * answered before a procedure touches the ORM may be sent (probes, metrics, rejected requests).
 */
import { EventEmitter } from 'node:events';
import type { ApiDeps, HealthReport } from '@dbulk/api';
import type { MikroORM } from '@dbulk/db';
import { createLogger } from '@dbulk/logger';
import { GraphClient } from '@dbulk/meta';
import { createKeyring } from '@dbulk/domain-whatsapp';

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
