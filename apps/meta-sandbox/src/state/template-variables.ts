/**
 * Placeholders in template text: `{{1}}` (POSITIONAL) or `{{first_name}}` (NAMED).
 * @see https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/components
 */
const VARIABLE = /\{\{\s*([^{}]*?)\s*\}\}/g;

export function variablesIn(text: string): string[] {
  return [...text.matchAll(VARIABLE)].map((match) => match[1] ?? '');
}

export function withoutVariables(text: string): string {
  return text.replace(VARIABLE, '');
}

/** `{{1}}{{2}}` or `{{1}} {{2}}`: Meta rejects the template at review with INVALID_FORMAT. */
export function hasAdjacentVariables(text: string): boolean {
  return /\}\}\s*\{\{/.test(text);
}

/** Body text may neither start nor end with a variable (2388299). */
export function variableAtEdge(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.startsWith('{{') || trimmed.endsWith('}}');
}

export type VariableProblem = { ok: true } | { ok: false; problem: string };

/** Positional variables must be `{{1}}…{{n}}` without gaps; named ones lowercase + underscore. */
export function checkVariables(names: string[], format: 'POSITIONAL' | 'NAMED'): VariableProblem {
  if (format === 'NAMED') {
    const bad = names.find((name) => !/^[a-z][a-z0-9_]*$/.test(name));
    return bad === undefined ? { ok: true } : { ok: false, problem: `"{{${bad}}}" is not a valid named parameter (lowercase letters, digits and underscores)` };
  }
  const bad = names.find((name) => !/^[1-9]\d*$/.test(name));
  if (bad !== undefined) return { ok: false, problem: `"{{${bad}}}" is not a positional parameter; use {{1}}, {{2}}…` };
  const numbers = [...new Set(names.map(Number))].sort((a, b) => a - b);
  const gap = numbers.findIndex((value, index) => value !== index + 1);
  return gap === -1 ? { ok: true } : { ok: false, problem: `variable parameters must be sequential starting at {{1}}; found {{${numbers[gap]}}}` };
}

/** Distinct variables in order of first appearance. */
export const distinct = (names: string[]) => [...new Set(names)];

/** Replaces each variable with its value; unknown variables stay as they are. */
export function hydrate(text: string, values: Map<string, string>): string {
  return text.replace(VARIABLE, (whole, name: string) => values.get(name) ?? whole);
}
