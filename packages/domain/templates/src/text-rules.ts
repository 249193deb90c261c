/**
 * Rules for text that holds variables (header and body): kinds, numbering, uniqueness,
 * position, adjacency, density and examples. Shared by template-rules.ts; pure.
 */
import type { Examples, ParameterFormat, TemplateProblem } from './template.types';
import { kindOf, tokensIn } from './template-variables';

export class Problems {
  readonly list: TemplateProblem[] = [];
  add(field: string, detail: string, metaCode?: number): void {
    this.list.push({
      field,
      detail,
      message: `${field}: ${detail}`,
      ...(metaCode === undefined ? {} : { metaCode }),
    });
  }
}

/**
 * 2388293 has no published formula. The rule observed by several BSPs (and adopted here): the
 * fixed text needs at least 2 words per variable occurrence plus one, e.g. 2 variables → 5 words.
 * A word is a whitespace-separated run holding a letter or a digit.
 */
export const MIN_FIXED_WORDS = (variables: number) => 2 * variables + 1;

export function fixedWordCount(text: string): number {
  return text
    .replace(/\{\{[^{}]*\}\}/g, ' ')
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

const example = (format: ParameterFormat) => (format === 'POSITIONAL' ? '{{1}}, {{2}}…' : '{{first_name}}');

/**
 * Checks the variables of one text and returns the valid distinct names (for the example check).
 * Positional numbers must form 1…n without gaps (Meta does not care about their order in the
 * text); named ones are lowercase + underscore and appear once each.
 */
export function checkVariables(
  text: string,
  field: string,
  format: ParameterFormat,
  out: Problems,
  metaCode: number,
): string[] {
  const tokens = tokensIn(text);
  if (/\{\{|\}\}/.test(text.replace(/\{\{[^{}]*\}\}/g, '')))
    out.add(field, 'has unmatched "{{" or "}}" — write variables as {{1}} or {{first_name}}', metaCode);
  const kinds = new Set(tokens.map((t) => kindOf(t.name)));
  for (const t of tokens.filter((t) => kindOf(t.name) === 'invalid')) {
    const hint = /^\s|\s$/.test(t.name)
      ? ' — remove the spaces inside the braces'
      : ` — use ${example(format)}`;
    out.add(field, `"{{${t.name}}}" is not a valid variable${hint}`, metaCode);
  }
  if (kinds.has('positional') && kinds.has('named')) {
    out.add(field, 'mixes positional ({{1}}) and named ({{first_name}}) variables — use one kind', metaCode);
    return [];
  }
  const wrong = format === 'POSITIONAL' ? 'named' : 'positional';
  if (kinds.has(wrong)) {
    const first = tokens.find((t) => kindOf(t.name) === wrong)!.name;
    out.add(
      field,
      `{{${first}}} is a ${wrong} variable but parameterFormat is ${format} — use ${example(format)} or change parameterFormat`,
      metaCode,
    );
    return [];
  }
  const valid = tokens.filter((t) => kindOf(t.name) !== 'invalid').map((t) => t.name);
  const distinct = [...new Set(valid)];
  if (format === 'NAMED') {
    for (const name of distinct.filter((n) => valid.indexOf(n) !== valid.lastIndexOf(n))) {
      out.add(field, `{{${name}}} appears more than once — each named variable must be unique`, metaCode);
    }
    return distinct;
  }
  const numbers = distinct.map(Number).sort((a, b) => a - b);
  const missing = numbers.findIndex((n, i) => n !== i + 1);
  if (missing !== -1)
    out.add(
      field,
      `variable {{${numbers[missing]}}} is out of order — expected {{${missing + 1}}} (number variables {{1}}…{{n}} without gaps)`,
      metaCode,
    );
  return distinct;
}

export function checkExamples(
  names: string[],
  examples: Examples | undefined,
  field: string,
  out: Problems,
): void {
  for (const name of names) {
    if (!examples?.[name]?.trim())
      out.add(
        `${field}.${name}`,
        `add a sample value for {{${name}}} — Meta requires an example for every variable`,
      );
  }
}

/** Body-only placement rules: 2388299 (edges), adjacency (INVALID_FORMAT at review), 2388293. */
export function checkPlacement(text: string, field: string, out: Problems): void {
  const occurrences = tokensIn(text).length;
  if (occurrences === 0) return;
  if (/^[^\p{L}\p{N}{}]*\{\{[^{}]*\}\}/u.test(text))
    out.add(field, 'starts with a variable — put some words before it', 2388299);
  if (/\{\{[^{}]*\}\}[^\p{L}\p{N}{}]*$/u.test(text))
    out.add(
      field,
      'ends with a variable — put some words after it (trailing punctuation does not count)',
      2388299,
    );
  const adjacent = /\{\{([^{}]*)\}\}[^\p{L}\p{N}{}]*\{\{([^{}]*)\}\}/u.exec(text);
  if (adjacent) {
    out.add(
      field,
      `{{${adjacent[1]}}} and {{${adjacent[2]}}} are next to each other — put words between variables (Meta rejects this as INVALID_FORMAT)`,
    );
  }
  const words = fixedWordCount(text);
  if (words < MIN_FIXED_WORDS(occurrences)) {
    out.add(
      field,
      `has too many variables for its length: ${occurrences} variable(s) need at least ${MIN_FIXED_WORDS(occurrences)} words of fixed text, found ${words}`,
      2388293,
    );
  }
}
