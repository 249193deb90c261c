/**
 * A CSV import end to end, streamed: bytes → csv-parse → normalised rows, in batches of 50k →
 * COPY into a staging table → one merge statement per batch into contacts (and the target list),
 * in one transaction. Memory stays bounded by a batch or two whatever the file size: the
 * database's pace pulls the upload (backpressure).
 * Rejected rows are counted and the first ones kept with line and reason; the valid rows import.
 */
import type { EntityManager } from '@dbulk/db';
import type { ContactsActor } from '../contacts.actor';
import type { ContactImportDto } from '../contacts.dto';
import { requireList, tenantCountry } from '../lists/lists.repository';
import type { ColumnMapping } from './columns';
import { ImportProgress } from './import-progress';
import { createImportRow, finishImport } from './import-record';
import { mergeBatches } from './merge-batches';
import { readBatches, type Chunk } from './read-batches';

export const DEFAULT_MAX_IMPORT_BYTES = 128 * 1024 * 1024;
/** Rows merged per statement: big enough for set-wise speed, small enough to overlap with parsing. */
const BATCH_ROWS = 50_000;
const ANALYZE_AFTER_ROWS = 10_000;

export interface ImportInput {
  fileName: string;
  bytesTotal: number | null;
  listId: string | null;
  mapping: ColumnMapping;
  /** Chosen by the client so it can subscribe to progress before the upload ends. */
  importId?: string;
  maxBytes?: number;
  /** Rows per merge statement (default 50,000); tests use small batches to cross batch borders. */
  batchRows?: number;
}

export async function importContacts(
  em: EntityManager,
  actor: ContactsActor,
  input: ImportInput,
  body: AsyncIterable<Chunk>,
): Promise<ContactImportDto> {
  const tenantId = actor.tenantId;
  if (input.listId) await requireList(em, tenantId, input.listId);
  const country = await tenantCountry(em, tenantId);
  const row = await createImportRow(em.fork(), actor, input);
  const progress = new ImportProgress(em.fork(), row.id);
  const maxBytes = input.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES;

  try {
    const batches = readBatches(body, {
      mapping: input.mapping,
      country,
      maxBytes,
      batchRows: input.batchRows ?? BATCH_ROWS,
      progress,
    });
    const optInSource = `csv:${input.fileName}`.slice(0, 200);
    const totals = await mergeBatches(em, { tenantId, optInSource, listId: input.listId }, batches);
    await progress.settled();
    // Fresh statistics, so the campaign started next on this list gets a plan for its real size.
    if (totals.staged >= ANALYZE_AFTER_ROWS)
      await em
        .fork()
        .execute('analyze contacts, contact_list_members')
        .catch(() => undefined);
    const outcome = {
      status: 'COMPLETED' as const,
      created: totals.created,
      updated: totals.updated,
      duplicates: totals.staged - totals.created - totals.updated,
    };
    return await finishImport(em.fork(), actor, row.id, outcome, progress);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await progress.settled();
    await finishImport(
      em.fork(),
      actor,
      row.id,
      { status: 'FAILED', created: 0, updated: 0, duplicates: 0, errorMessage: message },
      progress,
    );
    throw err;
  }
}
