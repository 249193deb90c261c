/**
 * Placeholders in template text and what a campaign must supply at send time: `{{1}}`
 * (POSITIONAL) or `{{first_name}}` (NAMED) in the header and body, the `{{1}}` at the end of a
 * URL button, a media or location header, a copy-code or OTP button. Pure: no I/O.
 * @see https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/components
 */
import type { TemplateContent } from './template.types';

const VARIABLE = /\{\{([^{}]*)\}\}/g;

export interface VariableToken {
  /** What is between the braces, untrimmed. */
  name: string;
  /** Offset of `{{` in the text. */
  at: number;
}

export function tokensIn(text: string): VariableToken[] {
  return [...text.matchAll(VARIABLE)].map((m) => ({ name: m[1] ?? '', at: m.index }));
}

export type VariableKind = 'positional' | 'named' | 'invalid';

export function kindOf(name: string): VariableKind {
  if (/^\d+$/.test(name)) return 'positional';
  if (/^[a-z][a-z0-9_]*$/.test(name)) return 'named';
  return 'invalid';
}

/** Distinct names in order of first appearance. */
export const distinctNames = (text: string) => [...new Set(tokensIn(text).map((t) => t.name))];

/** Variables of a text as the campaign maps them: positional by number, named by first appearance. */
export function orderedNames(text: string): string[] {
  const names = distinctNames(text).filter((n) => kindOf(n) !== 'invalid');
  return names.every((n) => kindOf(n) === 'positional') ? names.sort((a, b) => Number(a) - Number(b)) : names;
}

export type VariableType = 'text' | 'image' | 'video' | 'document' | 'location' | 'coupon_code' | 'otp';

export interface TemplateVariable {
  /** Stable key for mappings and preview values: `header.1`, `body.first_name`, `buttons.0`. */
  key: string;
  component: 'header' | 'body' | 'button';
  /** The variable's name (`1`, `first_name`), or the parameter kind for media and buttons. */
  name: string;
  type: VariableType;
  buttonIndex?: number;
  example: string | null;
}

export interface TemplateVariables {
  header: TemplateVariable[];
  body: TemplateVariable[];
  buttons: TemplateVariable[];
}

const exampleOf = (examples: Record<string, string> | undefined, name: string) => examples?.[name] || null;

/** The value part of a URL button example: Meta's samples may be the full URL or just the suffix. */
export function urlSuffixExample(url: string, example: string | undefined): string | null {
  if (!example) return null;
  const prefix = url.replace(VARIABLE, '');
  return prefix && example.startsWith(prefix) && example.length > prefix.length
    ? example.slice(prefix.length)
    : example;
}

/** Every parameter a send of this template needs, per component, in the order Meta expects. */
export function variablesOf(template: Pick<TemplateContent, 'category' | 'components'>): TemplateVariables {
  const { header, body, buttons = [] } = template.components;
  const out: TemplateVariables = { header: [], body: [], buttons: [] };
  if (header?.format === 'TEXT') {
    for (const name of orderedNames(header.text ?? '')) {
      out.header.push({
        key: `header.${name}`,
        component: 'header',
        name,
        type: 'text',
        example: exampleOf(header.examples, name),
      });
    }
  } else if (header) {
    const type = header.format.toLowerCase() as VariableType;
    out.header.push({
      key: `header.${type}`,
      component: 'header',
      name: type,
      type,
      example: header.mediaExample || null,
    });
  }
  // Meta writes the authentication body itself; its one parameter is the code.
  const bodyNames = template.category === 'AUTHENTICATION' ? ['1'] : orderedNames(body?.text ?? '');
  for (const name of bodyNames) {
    out.body.push({
      key: `body.${name}`,
      component: 'body',
      name,
      type: 'text',
      example: exampleOf(body?.examples, name),
    });
  }
  buttons.forEach((button, index) => {
    const base = { key: `buttons.${index}`, component: 'button' as const, buttonIndex: index };
    if (button.type === 'URL' && tokensIn(button.url ?? '').length > 0) {
      out.buttons.push({
        ...base,
        name: '1',
        type: 'text',
        example: urlSuffixExample(button.url ?? '', button.example),
      });
    } else if (button.type === 'COPY_CODE') {
      out.buttons.push({
        ...base,
        name: 'coupon_code',
        type: 'coupon_code',
        example: button.example || null,
      });
    } else if (button.type === 'OTP') {
      out.buttons.push({ ...base, name: 'otp', type: 'otp', example: null });
    }
  });
  return out;
}

export const allVariables = (variables: TemplateVariables) => [
  ...variables.header,
  ...variables.body,
  ...variables.buttons,
];
