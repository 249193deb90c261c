/**
 * The database half of an import, on one connection in one transaction: each batch is COPYed
 * into the staging table and merged into contacts while the next batch is being parsed, so
 * Node's CPU work and PostgreSQL's overlap. All or nothing: a failure rolls every batch back.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { EntityManager } from '@dbulk/db';
import { COPY_STAGING, CREATE_SEEN, CREATE_STAGING, MERGE_STAGING } from './merge.sql';
import type { Batch } from './read-batches';
import { withStagingSession } from './staging-copy';

export interface MergeTarget {
  tenantId: string;
  optInSource: string;
  listId: string | null;
}

export interface MergeTotals {
  /** Valid rows staged. */
  staged: number;
  created: number;
  updated: number;
}

export async function mergeBatches(
  em: EntityManager,
  target: MergeTarget,
  batches: AsyncIterable<Batch>,
): Promise<MergeTotals> {
  return withStagingSession(em, async (session) => {
    // One import at a time per tenant: two merging the same phones in different orders could deadlock.
    await session.query(`select pg_advisory_xact_lock(hashtext('dbulk.contacts.import:' || $1))`, [
      target.tenantId,
    ]);
    await session.query(`set local work_mem = '64MB'`);
    await session.query(CREATE_STAGING);
    await session.query(CREATE_SEEN);
    const totals: MergeTotals = { staged: 0, created: 0, updated: 0 };
    const merge = async () => {
      const [counts] = await session.query<{ created: number; updated: number }>(MERGE_STAGING, [
        target.tenantId,
        target.optInSource,
        target.listId,
      ]);
      totals.created += counts!.created;
      totals.updated += counts!.updated;
      await session.query('truncate import_rows');
    };
    let merging: Promise<void> | null = null;
    try {
      for await (const batch of batches) {
        if (merging) await merging;
        await pipeline(Readable.from(batch.chunks, { objectMode: false }), session.copyIn(COPY_STAGING));
        totals.staged += batch.rows;
        // Not awaited: the loop goes on parsing the next batch while PostgreSQL merges this one.
        merging = merge();
        merging.catch(() => undefined);
      }
      if (merging) await merging;
    } catch (err) {
      // The connection is still busy with the merge; let it finish before the rollback.
      await merging?.catch(() => undefined);
      throw err;
    }
    return totals;
  });
}
