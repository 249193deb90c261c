/**
 * One CSV record → the contact fields to stage, or the reason it is rejected. Pure.
 */
import { normalizePhone } from '../phone';
import type { Columns } from './columns';

export interface ContactRow {
  phone: string;
  name: string | null;
  tags: string[];
  attributes: Record<string, string>;
}

export type RowResult = { ok: true; row: ContactRow } | { ok: false; reason: string; value: string };

export const NAME_MAX = 200;
export const TAG_MAX = 50;
export const ATTRIBUTE_MAX = 1000;

/** Tags in one cell are separated by `|`, `,` or `;` (whichever the file's dialect left free). */
export function splitTags(cell: string): string[] {
  const tags = new Set<string>();
  for (const part of cell.split(/[|,;]/)) {
    const tag = part
      .replace(/[\u0000-\u001f]/g, '')
      .trim()
      .slice(0, TAG_MAX);
    if (tag) tags.add(tag);
  }
  return [...tags];
}

export function toContactRow(fields: string[], columns: Columns, defaultCountry: string): RowResult {
  const raw = fields[columns.phone] ?? '';
  if (columns.phone >= fields.length)
    return {
      ok: false,
      reason: 'the row has no value in the phone column',
      value: fields.join(',').slice(0, 100),
    };
  const phone = normalizePhone(raw, defaultCountry);
  if (!phone.ok) return { ok: false, reason: phone.reason, value: raw.slice(0, 100) };
  const name = columns.name >= 0 ? (fields[columns.name] ?? '').trim().slice(0, NAME_MAX) : '';
  const attributes: Record<string, string> = {};
  for (const [key, index] of columns.attributes) {
    const value = (fields[index] ?? '').trim();
    // Empty cells add nothing, so an import never blanks what an earlier one set.
    if (value) attributes[key] = value.slice(0, ATTRIBUTE_MAX);
  }
  return {
    ok: true,
    row: {
      phone: phone.phone,
      name: name || null,
      tags: columns.tags >= 0 ? splitTags(fields[columns.tags] ?? '') : [],
      attributes,
    },
  };
}
