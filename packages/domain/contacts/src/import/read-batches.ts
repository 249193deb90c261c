/**
 * The CPU half of an import: bytes → CSV records → normalised rows in COPY text, handed out in
 * batches. It pulls the upload only as fast as batches are taken (backpressure), counts bytes
 * and rows into the progress, and records every rejected row.
 */
import { ContactErrors, ImportErrors } from '../contacts.errors';
import { resolveColumns, type ColumnMapping, type Columns } from './columns';
import { toContactRow } from './contact-row';
import { copyLine } from './copy-text';
import { csvRecords } from './csv-records';
import type { ImportProgress } from './import-progress';

export type Chunk = Buffer | Uint8Array | string;

/** COPY text of a batch as flat byte chunks: no string ropes kept alive while PostgreSQL merges. */
export interface Batch {
  chunks: Buffer[];
  rows: number;
}

const CHUNK_CHARS = 64 * 1024;

export interface ReadOptions {
  mapping: ColumnMapping;
  country: string;
  maxBytes: number;
  batchRows: number;
  progress: ImportProgress;
}

async function* counted(body: AsyncIterable<Chunk>, progress: ImportProgress, maxBytes: number) {
  for await (const chunk of body) {
    progress.bytesRead += chunk.length;
    if (progress.bytesRead > maxBytes) throw ImportErrors.tooLarge(maxBytes);
    yield chunk;
  }
}

export async function* readBatches(body: AsyncIterable<Chunk>, options: ReadOptions): AsyncGenerator<Batch> {
  const { progress, country } = options;
  let columns: Columns | null = null;
  let text = '';
  let chunks: Buffer[] = [];
  let rows = 0;
  for await (const event of csvRecords(counted(body, progress, options.maxBytes))) {
    if (event.kind === 'header') {
      columns = resolveColumns(event.fields, options.mapping);
      continue;
    }
    progress.rowsRead++;
    if (event.kind === 'bad') progress.reject({ line: event.line, reason: event.reason });
    else {
      const result = toContactRow(event.fields, columns!, country);
      if (!result.ok) progress.reject({ line: event.line, reason: result.reason, value: result.value });
      else {
        text += copyLine(event.line, result.row);
        rows++;
        if (text.length >= CHUNK_CHARS) {
          chunks.push(Buffer.from(text));
          text = '';
        }
      }
    }
    if ((progress.rowsRead & 1023) === 0) progress.tick();
    if (rows >= options.batchRows) {
      chunks.push(Buffer.from(text));
      yield { chunks, rows };
      text = '';
      chunks = [];
      rows = 0;
    }
  }
  if (!columns) throw ContactErrors.emptyFile();
  if (rows > 0) yield { chunks: [...chunks, Buffer.from(text)], rows };
}
