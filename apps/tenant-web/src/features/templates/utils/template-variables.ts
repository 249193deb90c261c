/** Template variables ({{1}}, {{first_name}}) in header and body text. */
const VARIABLE = /\{\{([^{}]*)\}\}/g;

/** Variables of a text in the order Meta maps them: {{1}}…{{n}} by number, named ones by first use. */
export function variableNames(text: string): string[] {
  const names = [...new Set([...text.matchAll(VARIABLE)].map((m) => (m[1] ?? '').trim()))].filter((n) =>
    /^(\d+|[a-z][a-z0-9_]*)$/.test(n),
  );
  return names.every((n) => /^\d+$/.test(n)) ? names.sort((a, b) => Number(a) - Number(b)) : names;
}

/** The next positional variable of a text: one past the highest number used. */
export function nextPositional(text: string): string {
  const numbers = variableNames(text)
    .filter((n) => /^\d+$/.test(n))
    .map(Number);
  return String(numbers.length ? Math.max(...numbers) + 1 : 1);
}

/** Puts `insert` over the selection [start, end); returns the new text and where the caret goes. */
export function insertAt(
  text: string,
  start: number,
  end: number,
  insert: string,
): { text: string; caret: number } {
  return { text: text.slice(0, start) + insert + text.slice(end), caret: start + insert.length };
}
