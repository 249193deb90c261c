/**
 * A CSV import end to end, streamed: bytes → csv-parse → normalised rows → COPY into a staging
 * table → one merge statement into contacts (and the target list). Memory stays bounded by the
 * stream buffers whatever the file size: the database's pace pulls the upload (backpressure).
 * Rejected rows are counted and the first ones kept with line and reason; the valid rows import.
 */
import { pipeline } from 'node:stream/promises';
import type { EntityManager } from '@dbulk/db';
import type { ContactsActor } from '../contacts.actor';
import type { ContactImportDto } from '../contacts.dto';
import { ContactErrors, ImportErrors } from '../contacts.errors';
import { requireList, tenantCountry } from '../lists/lists.repository';
import { resolveColumns, type ColumnMapping, type Columns } from './columns';
import { toContactRow } from './contact-row';
import { copyLine } from './copy-text';
import { csvRecords } from './csv-records';
import { ImportProgress } from './import-progress';
import { createImportRow, finishImport } from './import-record';
import { COPY_STAGING, CREATE_STAGING, MERGE_STAGING } from './merge.sql';
import { withStagingSession } from './staging-copy';

export const DEFAULT_MAX_IMPORT_BYTES = 128 * 1024 * 1024;
const BATCH_CHARS = 64 * 1024;

export interface ImportInput {
  fileName: string;
  bytesTotal: number | null;
  listId: string | null;
  mapping: ColumnMapping;
  /** Chosen by the client so it can subscribe to progress before the upload ends. */
  importId?: string;
  maxBytes?: number;
}

type Chunk = Buffer | Uint8Array | string;

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
  let staged = 0;

  async function* counted(): AsyncGenerator<Chunk> {
    for await (const chunk of body) {
      progress.bytesRead += chunk.length;
      if (progress.bytesRead > maxBytes) throw ImportErrors.tooLarge(maxBytes);
      yield chunk;
    }
  }

  async function* copyText(): AsyncGenerator<string> {
    let columns: Columns | null = null;
    let batch = '';
    for await (const event of csvRecords(counted())) {
      if (event.kind === 'header') {
        columns = resolveColumns(event.fields, input.mapping);
        continue;
      }
      progress.rowsRead++;
      if (event.kind === 'bad') progress.reject({ line: event.line, reason: event.reason });
      else {
        const result = toContactRow(event.fields, columns!, country);
        if (!result.ok) progress.reject({ line: event.line, reason: result.reason, value: result.value });
        else {
          batch += copyLine(event.line, result.row);
          staged++;
        }
      }
      if (batch.length >= BATCH_CHARS) {
        yield batch;
        batch = '';
        progress.tick();
      }
    }
    if (!columns) throw ContactErrors.emptyFile();
    if (batch) yield batch;
  }

  try {
    const merged = await withStagingSession(em, async (session) => {
      await session.query(CREATE_STAGING);
      await pipeline(copyText(), session.copyIn(COPY_STAGING));
      await progress.flush();
      const optInSource = `csv:${input.fileName}`.slice(0, 200);
      const [counts] = await session.query<{ created: number; updated: number }>(MERGE_STAGING, [
        tenantId,
        optInSource,
        input.listId,
      ]);
      return counts!;
    });
    const duplicates = staged - merged.created - merged.updated;
    return await finishImport(
      em.fork(),
      actor,
      row.id,
      { status: 'COMPLETED', ...merged, duplicates },
      progress,
    );
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
