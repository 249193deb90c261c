/**
 * A campaign's template variables and where their values come from. Keys are the templates
 * package's (`header.1`, `body.first_name`, `buttons.0`, `header.image`): the values rendered at
 * start are stored under the same keys in campaign_messages.variables, which the sender reads.
 */
import type { Template, VariableMapping, VariableSource } from '@dbulk/db';
import { allVariables, contentOf, variablesOf, type TemplateVariable } from '@dbulk/domain-templates';

export interface CampaignVariableDto {
  key: string;
  component: TemplateVariable['component'];
  name: string;
  type: TemplateVariable['type'];
  example?: string;
}

export function templateVariables(template: Template): CampaignVariableDto[] {
  return allVariables(variablesOf(contentOf(template))).map((v) => ({
    key: v.key,
    component: v.component,
    name: v.name,
    type: v.type,
    ...(v.example ? { example: v.example } : {}),
  }));
}

const isMapped = (source: VariableSource | undefined): boolean => {
  if (!source) return false;
  if (source.source === 'constant') return source.value.trim() !== '';
  if (source.source === 'attribute') return source.key.trim() !== '';
  return true;
};

/** The template's variable keys with no usable source in the mapping, in template order. */
export function unmappedKeys(keys: string[], mapping: VariableMapping): string[] {
  return keys.filter((key) => !isMapped(mapping[key]));
}

export interface ContactValues {
  phone: string;
  name: string | null;
  attributes: Record<string, string>;
}

/** One value as the start statement renders it (see mappingSql): the same rules, in TypeScript. */
export function renderValue(source: VariableSource, contact: ContactValues): string {
  switch (source.source) {
    case 'field':
      return source.field === 'phone' ? contact.phone : (contact.name ?? '');
    case 'attribute': {
      const value = contact.attributes[source.key];
      return value !== undefined && value !== '' ? String(value) : (source.fallback ?? '');
    }
    case 'constant':
      return source.value;
  }
}

export function renderValues(
  keys: string[],
  mapping: VariableMapping,
  contact: ContactValues,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of keys) {
    const source = mapping[key];
    if (source && isMapped(source)) out[key] = renderValue(source, contact);
  }
  return out;
}

/**
 * A SQL jsonb expression with the rendered values of contact row `alias`, and its bind values
 * (in order). Only the template's keys are rendered, so a stale mapping entry cannot leak in.
 */
export function mappingSql(
  keys: string[],
  mapping: VariableMapping,
  alias = 'c',
): { sql: string; params: string[] } {
  const parts: string[] = [];
  const params: string[] = [];
  for (const key of keys) {
    const source = mapping[key];
    if (!source || !isMapped(source)) continue;
    params.push(key);
    switch (source.source) {
      case 'field':
        parts.push(
          source.field === 'phone' ? `?::text, ${alias}.phone` : `?::text, coalesce(${alias}.name, '')`,
        );
        break;
      case 'attribute':
        parts.push(`?::text, coalesce(nullif(${alias}.attributes ->> ?::text, ''), ?::text, '')`);
        params.push(source.key, source.fallback ?? '');
        break;
      case 'constant':
        parts.push('?::text, ?::text');
        params.push(source.value);
        break;
    }
  }
  return { sql: parts.length ? `jsonb_build_object(${parts.join(', ')})` : `'{}'::jsonb`, params };
}
