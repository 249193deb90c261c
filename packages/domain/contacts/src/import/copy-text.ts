/**
 * Rows in PostgreSQL's COPY text format: tab-separated, `\N` for null, backslash escapes.
 * @see https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.2
 */
import type { ContactRow } from './contact-row';

const SPECIAL = /[\\\n\r\t]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function copyField(value: string | null): string {
  if (value === null) return '\\N';
  return SPECIAL.test(value) ? value.replace(SPECIAL, (c) => ESCAPES[c]!) : value;
}

/** A text[] literal: every element quoted, so commas, braces and spaces stay inside it. */
export function arrayLiteral(items: string[]): string {
  return `{${items.map((item) => `"${item.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
}

/** Columns (line, phone, name, tags, attributes) of the staging table, ending with a newline. */
export function copyLine(line: number, row: ContactRow): string {
  const tags = row.tags.length === 0 ? '{}' : copyField(arrayLiteral(row.tags));
  let attributes = '{}';
  for (const _key in row.attributes) {
    attributes = copyField(JSON.stringify(row.attributes));
    break;
  }
  return `${line}\t${copyField(row.phone)}\t${copyField(row.name)}\t${tags}\t${attributes}\n`;
}
