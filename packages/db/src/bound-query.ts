/**
 * A raw statement with its parameters bound by PostgreSQL ($1…) instead of inlined: MikroORM's
 * `em.execute` escapes every parameter into the SQL text, which for the hot statements' large JSON
 * arrays cost the processor ~9 % of its CPU (escaping, building and writing the string) and
 * PostgreSQL a scan of a megabyte-long literal. Runs in the EntityManager's transaction if any.
 * @see https://knexjs.org/guide/raw.html#raw-parameter-binding
 */
import type { EntityManager } from '@mikro-orm/postgresql';

export async function boundQuery<T>(em: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const query = em.getKnex().raw(sql, params as never[]);
  const trx = em.getTransactionContext();
  if (trx) query.transacting(trx);
  const result = (await query) as { rows: T[] };
  return result.rows;
}
