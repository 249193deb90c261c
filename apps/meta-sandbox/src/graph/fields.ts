/**
 * Graph's `fields` parameter: a comma list where a field may carry a sub-selection in braces
 * (`throughput{level}`). Unknown fields are an error, like Graph's "nonexisting field".
 */
import { nonexistingField } from './errors';

/** Top-level field names, ignoring sub-selections. */
export function parseFields(raw: unknown): string[] | null {
  if (typeof raw !== 'string' || raw.trim() === '') return null;
  const fields: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of raw) {
    if (char === '{') depth += 1;
    if (char === '}') depth -= 1;
    if (char === ',' && depth === 0) {
      fields.push(current);
      current = '';
    } else if (depth === 0 && char !== '}') current += char;
  }
  fields.push(current);
  return fields.map((field) => field.trim()).filter(Boolean);
}

/**
 * The node as Graph would answer: the requested fields (always with `id` when the node has
 * one) or the defaults. `all` maps each readable field to its value; undefined values are omitted.
 */
export function selectFields(all: Record<string, unknown>, raw: unknown, defaults: string[], nodeType: string, withId = true): Record<string, unknown> {
  const requested = parseFields(raw) ?? defaults;
  const unknown = requested.find((field) => !(field in all));
  if (unknown) throw nonexistingField(unknown, nodeType);
  const names = withId && 'id' in all && !requested.includes('id') ? [...requested, 'id'] : requested;
  return Object.fromEntries(names.filter((field) => all[field] !== undefined).map((field) => [field, all[field]]));
}
