/**
 * Runs work on one pooled connection inside a transaction, with COPY FROM STDIN available: the
 * staging table lives only in this transaction. A connection left mid-COPY by a failure is
 * marked disposed so the pool never hands it out again.
 * @see https://github.com/brianc/node-pg-copy-streams
 */
import type { Writable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';
import type { EntityManager } from '@dbulk/db';

interface PgClient {
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
  query<T>(stream: T): T;
  __knex__disposed?: unknown;
}

export interface StagingSession {
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  copyIn(sql: string): Writable;
}

export async function withStagingSession<T>(
  em: EntityManager,
  work: (session: StagingSession) => Promise<T>,
): Promise<T> {
  const knexClient = em.getKnex().client as {
    acquireConnection(): Promise<PgClient>;
    releaseConnection(connection: PgClient): Promise<void>;
  };
  const client = await knexClient.acquireConnection();
  const session: StagingSession = {
    query: async (text, params) => (await client.query(text, params)).rows as never,
    copyIn: (sql) => client.query(copyFrom(sql)),
  };
  try {
    await client.query('begin');
    const result = await work(session);
    await client.query('commit');
    return result;
  } catch (err) {
    await client.query('rollback').catch((rollbackError: unknown) => {
      client.__knex__disposed = rollbackError;
    });
    throw err;
  } finally {
    await knexClient.releaseConnection(client);
  }
}
