/**
 * Streams a CSV file as records with their line numbers, holding only a chunk at a time:
 * csv-parse pulls from the source as it is consumed, so a slow database slows the upload.
 * Malformed records (a quote never closed…) come out as `bad` with the reason, and parsing goes on.
 * @see https://csv.js.org/parse/options/
 */
import { Readable } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import { detectDelimiter, firstLine, type Delimiter } from './csv-dialect';

export type CsvEvent =
  | { kind: 'header'; fields: string[]; delimiter: Delimiter }
  | { kind: 'row'; line: number; fields: string[] }
  | { kind: 'bad'; line: number; reason: string };

type Chunk = Buffer | string | Uint8Array;

/** Reads until the header line is complete, then hands csv-parse the bytes already read and the rest. */
async function* withHeader(source: AsyncIterator<Chunk>, onDelimiter: (d: Delimiter) => void) {
  let head = Buffer.alloc(0);
  for (;;) {
    const next = await source.next();
    if (!next.done) head = Buffer.concat([head, Buffer.from(next.value)]);
    const line = firstLine(head, Boolean(next.done));
    if (line !== null || next.done) {
      onDelimiter(detectDelimiter((line ?? '').replace(/^\uFEFF/, '')));
      if (head.length > 0) yield head;
      if (next.done) return;
      break;
    }
  }
  for (let next = await source.next(); !next.done; next = await source.next()) yield Buffer.from(next.value);
}

export async function* csvRecords(source: AsyncIterable<Chunk>): AsyncGenerator<CsvEvent> {
  let delimiter: Delimiter = ',';
  const chunks = withHeader(source[Symbol.asyncIterator](), (d) => (delimiter = d));
  // The delimiter is known once the first chunk is through, so the parser is made after it.
  const first = await chunks.next();
  const parser = parse({
    bom: true,
    delimiter,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
  });
  const skipped: Extract<CsvEvent, { kind: 'bad' }>[] = [];
  parser.on('skip', (err: CsvError & { lines?: number }) =>
    skipped.push({
      kind: 'bad',
      line: err.lines ?? 0,
      reason: `the CSV is malformed here: ${err.message.split(' at line')[0]}`,
    }),
  );
  const feed = Readable.from(
    (async function* () {
      if (!first.done) yield first.value;
      yield* chunks;
    })(),
    { objectMode: false },
  );
  feed.on('error', (err) => parser.destroy(err));
  feed.pipe(parser);
  let header = true;
  for await (const { record, info } of parser as AsyncIterable<{
    record: string[];
    info: { lines: number };
  }>) {
    if (header) {
      header = false;
      yield { kind: 'header', fields: record, delimiter };
      continue;
    }
    // info.lines is where the record ends; a quoted field may have spanned several lines.
    let breaks = 0;
    for (const field of record) if (field.includes('\n')) breaks += field.split('\n').length - 1;
    const line = info.lines - breaks;
    // Skips are signalled as soon as parsed, possibly before records still queued: keep line order.
    while (skipped.length > 0 && skipped[0]!.line < line) yield skipped.shift()!;
    yield { kind: 'row', line, fields: record };
  }
  while (skipped.length > 0) yield skipped.shift()!;
}
