/**
 * Which CSV column feeds which contact field. Without a mapping: the phone column is found by
 * its usual names, `name` and `tags` by theirs, and every other column becomes an attribute.
 */
import { ContactErrors } from '../contacts.errors';
import { headerKey } from './csv-dialect';

export interface ColumnMapping {
  phone?: string | null;
  name?: string | null;
  tags?: string | null;
  /** Header names whose values become attributes (keyed by attributeKey of the header). */
  attributes?: string[] | null;
}

export interface Columns {
  phone: number;
  name: number;
  tags: number;
  attributes: Array<[key: string, index: number]>;
}

const PHONE_NAMES = [
  'phone',
  'phone number',
  'phone_number',
  'mobile',
  'msisdn',
  'whatsapp',
  'number',
  'tel',
  'telephone',
  'telefon',
  'telefono',
  'téléphone',
];

/** `First Name` → `first_name`: the key templates and campaigns map variables from. */
export function attributeKey(header: string): string {
  return headerKey(header).replace(/\s+/g, '_');
}

export function resolveColumns(header: string[], mapping: ColumnMapping = {}): Columns {
  const keys = header.map(headerKey);
  const find = (role: string, column: string | null | undefined): number => {
    if (!column) return -1;
    const index = keys.indexOf(headerKey(column));
    if (index === -1) throw ContactErrors.missingColumn(role, column, header);
    return index;
  };
  const phone = mapping.phone ? find('phone', mapping.phone) : keys.findIndex((k) => PHONE_NAMES.includes(k));
  if (phone === -1) throw ContactErrors.noPhoneColumn(header);
  const name = mapping.name !== undefined ? find('name', mapping.name) : keys.indexOf('name');
  const tags = mapping.tags !== undefined ? find('tags', mapping.tags) : keys.indexOf('tags');
  const used = new Set([phone, name, tags]);
  const attributes: Array<[string, number]> = mapping.attributes
    ? mapping.attributes.map((column) => [attributeKey(column), find('attributes', column)])
    : header.flatMap((h, i) =>
        used.has(i) || headerKey(h) === '' ? [] : [[attributeKey(h), i] as [string, number]],
      );
  return { phone, name, tags, attributes };
}
