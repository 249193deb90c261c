/** The wizard's steps (kept in the URL) and the variable-mapping rules it checks before saving. */
import { z } from 'zod';
import type { RouterInputs } from '../../../lib/trpc';

export const WIZARD_STEPS = ['template', 'audience', 'mapping', 'schedule', 'review'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export const STEP_LABELS: Record<WizardStep, string> = {
  template: 'Template',
  audience: 'Audience',
  mapping: 'Variables',
  schedule: 'Schedule',
  review: 'Review & start',
};

/** `/campaigns/new?campaignId=<draft>&step=mapping` — the draft being edited and where in the wizard. */
export const wizardSearchSchema = z.object({
  campaignId: z.uuid().optional().catch(undefined),
  step: z.enum(WIZARD_STEPS).optional().catch(undefined),
});
export type WizardSearch = z.infer<typeof wizardSearchSchema>;

export function stepIndex(step: WizardStep): number {
  return WIZARD_STEPS.indexOf(step);
}

/** Without a saved draft only the first step is reachable (every later step saves onto the draft). */
export function reachableStep(step: WizardStep | undefined, hasDraft: boolean): WizardStep {
  if (!hasDraft) return 'template';
  return step ?? 'audience';
}

export type VariableMapping = NonNullable<RouterInputs['campaigns']['create']['variableMapping']>;
export type VariableSource = VariableMapping[string];
export type SourceKind = VariableSource['source'];

/** A fresh source of the given kind, keeping what can be kept (a typed value stays a value). */
export function sourceOfKind(kind: SourceKind, previous?: VariableSource): VariableSource {
  const text =
    previous?.source === 'constant' ? previous.value : previous?.source === 'attribute' ? previous.key : '';
  if (kind === 'field') return { source: 'field', field: 'name' };
  if (kind === 'attribute') return { source: 'attribute', key: text };
  return { source: 'constant', value: text };
}

/** A first guess for a variable: a named variable like `first_name` reads the contact's name. */
export function guessSource(key: string): VariableSource | undefined {
  const name = key.split('.').at(-1)?.toLowerCase() ?? '';
  if (/^(first_?name|name|customer_?name|full_?name)$/.test(name)) return { source: 'field', field: 'name' };
  if (/^(phone|phone_?number)$/.test(name)) return { source: 'field', field: 'phone' };
  return undefined;
}

/** Whether a source gives a value (an attribute needs its key, a constant its text). */
export function isMapped(source: VariableSource | undefined): boolean {
  if (!source) return false;
  if (source.source === 'attribute') return source.key.trim().length > 0;
  if (source.source === 'constant') return source.value.trim().length > 0;
  return true;
}

/** The variable keys a mapping does not fill yet, in the template's order. */
export function unmappedKeys(keys: readonly string[], mapping: VariableMapping): string[] {
  return keys.filter((key) => !isMapped(mapping[key]));
}

/** The mapping for exactly these keys: stale keys (an earlier template's) dropped, guesses added. */
export function mappingFor(keys: readonly string[], mapping: VariableMapping): VariableMapping {
  const out: VariableMapping = {};
  for (const key of keys) {
    const source = mapping[key] ?? guessSource(key);
    if (source) out[key] = source;
  }
  return out;
}

const MEDIA = new Set(['image', 'video', 'document', 'location']);

/**
 * A variable key as the tenant reads it: "body.1" → "Body {{1}}", "header.image" → "Header image",
 * "buttons.0" → "Button 1" (the URL suffix or code of the first button).
 */
export function variableLabel(key: string): string {
  const [component = '', name = key] = key.split('.');
  if (component === 'buttons') return `Button ${Number(name) + 1}`;
  const head = component.charAt(0).toUpperCase() + component.slice(1);
  if (component === 'header' && MEDIA.has(name)) return `Header ${name}`;
  return `${head} {{${name}}}`;
}

/** "vip, Lisbon ,vip" → ["vip", "Lisbon"]. */
export function parseTags(text: string): string[] {
  const tags = text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  return [...new Set(tags)];
}
