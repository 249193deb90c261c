/**
 * Downloads as CSV, streamed: the header, then one chunk of lines per keyset page, so a
 * million-row export holds one page in memory. Quoting is RFC 4180 (csv-stringify), lines end
 * in CRLF, and a text cell that starts with =, +, - or @ and is not a number gets a leading
 * apostrophe, so a spreadsheet shows it instead of running it as a formula. Phone numbers
 * (+49…) and signed amounts stay as they are.
 * @see https://csv.js.org/stringify/options/cast/
 * @see https://owasp.org/www-community/attacks/CSV_Injection
 */
import { stringify } from 'csv-stringify/sync';

const FORMULA = /^[=+\-@]/;
const NUMBER = /^[+-]?\d/;

const OPTIONS = {
  record_delimiter: '\r\n',
  // csv-stringify quotes on the record delimiter (CRLF); a lone LF or CR ends a line for most readers too.
  quoted_match: /[\r\n]/,
  cast: {
    string: (text: string) => (FORMULA.test(text) && !NUMBER.test(text) ? `'${text}` : text),
    boolean: (value: boolean) => String(value),
    date: (value: Date) => value.toISOString(),
  },
} as const;

/** CSV lines (CRLF-terminated) for rows of cells; null and undefined are empty cells. */
export function csvLines(rows: readonly (readonly unknown[])[]): string {
  return stringify(rows as unknown[][], OPTIONS);
}

export interface KeysetCsv<Row> {
  header: readonly string[];
  pageSize: number;
  /** Up to `pageSize + 1` rows after `after` (the extra row says another page follows), in key order. */
  fetch: (after: string | undefined) => Promise<Row[]>;
  /** The key of a row: the next page starts after the last row's. */
  keyOf: (row: Row) => string;
  cells: (row: Row) => readonly unknown[];
}

export async function* keysetCsv<Row>(source: KeysetCsv<Row>): AsyncGenerator<string> {
  yield csvLines([source.header]);
  let after: string | undefined;
  for (;;) {
    const rows = await source.fetch(after);
    const page = rows.slice(0, source.pageSize);
    if (page.length > 0) yield csvLines(page.map(source.cells));
    if (rows.length <= source.pageSize) return;
    after = source.keyOf(page[page.length - 1]!);
  }
}
