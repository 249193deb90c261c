/**
 * Meta's problems (from `templates.validate`) placed next to the fields they name. Every problem
 * is shown somewhere: at its field when the builder has one, else in the summary list.
 */
import { sentence } from '@dbulk/ui';

export interface Problem {
  field: string;
  detail: string;
  message: string;
  metaCode?: number;
}

/** The sentences for exactly this field. */
export function problemsAt(problems: readonly Problem[], field: string): string[] {
  return problems.filter((p) => p.field === field).map((p) => sentence(p.detail));
}

export const firstProblemAt = (problems: readonly Problem[], field: string): string | undefined =>
  problemsAt(problems, field)[0];

const LABELS: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^name$/, () => 'Name'],
  [/^language$/, () => 'Language'],
  [/^category$/, () => 'Category'],
  [/^parameterFormat$/, () => 'Variable format'],
  [/^components\.header\.examples\.(.+)$/, (m) => `Header sample for {{${m[1]}}}`],
  [/^components\.header/, () => 'Header'],
  [/^components\.body\.examples\.(.+)$/, (m) => `Sample for {{${m[1]}}}`],
  [/^components\.body/, () => 'Body'],
  [/^components\.footer/, () => 'Footer'],
  [/^components\.buttons\[(\d+)\]/, (m) => `Button ${Number(m[1]) + 1}`],
  [/^components\.buttons/, () => 'Buttons'],
];

/** "components.buttons[1].url" → "Button 2"; for the summary list. */
export function fieldLabel(field: string): string {
  for (const [pattern, label] of LABELS) {
    const match = field.match(pattern);
    if (match) return label(match);
  }
  return field;
}
