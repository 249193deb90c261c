/**
 * Audit rows carry `changes` as JSON (usually `{ before, after }`, sometimes flat). The table
 * shows a one-line summary and keeps the full JSON one click away.
 */
function show(value: unknown): string {
  if (value === null || value === undefined) return '∅';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function summarizeChanges(changes: unknown, maxLength = 120): string {
  if (!isRecord(changes)) return changes == null ? '' : show(changes);
  const before = isRecord(changes['before']) ? changes['before'] : undefined;
  const after = isRecord(changes['after']) ? changes['after'] : undefined;
  const parts: string[] = [];
  if (before || after) {
    const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
    for (const key of keys) {
      const from = before?.[key];
      const to = after?.[key];
      parts.push(before && key in before ? `${key}: ${show(from)} → ${show(to)}` : `${key}: ${show(to)}`);
    }
    for (const [key, value] of Object.entries(changes)) {
      if (key !== 'before' && key !== 'after') parts.push(`${key}: ${show(value)}`);
    }
  } else {
    for (const [key, value] of Object.entries(changes)) parts.push(`${key}: ${show(value)}`);
  }
  const text = parts.join('; ');
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}
