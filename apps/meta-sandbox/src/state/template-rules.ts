/**
 * Validates a template create/edit body the way Meta does at submission: name, language,
 * category, parameter format, components, lengths, variables and their examples. Problems
 * Meta only finds at review (adjacent variables, policy words) are left to template-review.
 * @see https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/components
 */
import { invalidParameter, templateError } from '../graph/errors';
import { checkButtons } from './template-buttons';
import type { TemplateCategory, TemplateComponent } from './templates';
import { checkVariables, distinct, variableAtEdge, variablesIn } from './template-variables';

export interface TemplateDraft {
  name: string;
  language: string;
  category: TemplateCategory;
  parameterFormat: 'POSITIONAL' | 'NAMED';
  components: TemplateComponent[];
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const upper = (value: unknown) => (typeof value === 'string' ? value.toUpperCase() : undefined);

const CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION'] as const;
const TYPES = ['HEADER', 'BODY', 'FOOTER', 'BUTTONS'] as const;
const HEADER_FORMATS = ['TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION', 'GIF'];
const AUTH_BODY = '{{1}} is your verification code.';

function required(body: Json, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value === '') throw invalidParameter(`The parameter ${field} is required.`);
  return value;
}

export function parseCategory(value: unknown): TemplateCategory {
  const category = upper(value);
  if (!CATEGORIES.includes(category as TemplateCategory)) {
    throw invalidParameter(`Param category must be one of {${CATEGORIES.join(', ')}} - got "${String(value)}".`);
  }
  return category as TemplateCategory;
}

export function validateTemplate(body: unknown): TemplateDraft {
  if (!isObject(body)) throw invalidParameter('The parameter name is required.');
  const name = required(body, 'name');
  if (!/^[a-z0-9_]{1,512}$/.test(name)) {
    throw templateError(undefined, 'Invalid template name', 'Template names can contain only lowercase letters, digits and underscores, at most 512 characters.');
  }
  const language = required(body, 'language');
  if (!/^[a-z]{2,3}(_[A-Z]{2,4})?$/.test(language)) throw invalidParameter(`Param language must be a supported language code such as en_US - got "${language}".`);
  const category = parseCategory(required(body, 'category'));
  const format = upper(body.parameter_format ?? 'POSITIONAL');
  if (format !== 'POSITIONAL' && format !== 'NAMED') throw invalidParameter(`Param parameter_format must be one of {POSITIONAL, NAMED} - got "${String(body.parameter_format)}".`);
  return { name, language, category, parameterFormat: format, components: validateComponents(body.components, category, format) };
}

export function validateComponents(raw: unknown, category: TemplateCategory, format: 'POSITIONAL' | 'NAMED'): TemplateComponent[] {
  if (!Array.isArray(raw) || raw.length === 0) throw invalidParameter('The parameter components is required.');
  const components = raw.map((item, index) => {
    const type = isObject(item) ? upper(item.type) : undefined;
    if (!TYPES.includes(type as TemplateComponent['type'])) {
      throw invalidParameter(`Param components[${index}]['type'] must be one of {${TYPES.join(', ')}} - got "${String(isObject(item) ? item.type : item)}".`);
    }
    return { ...(item as Json), type } as TemplateComponent;
  });
  for (const type of TYPES) {
    const count = components.filter((component) => component.type === type).length;
    if (type === 'BODY' ? count !== 1 : count > 1) {
      throw templateError(undefined, 'Invalid components', `A template needs exactly one BODY and at most one HEADER, FOOTER and BUTTONS; found ${count} ${type}.`);
    }
  }
  if (category === 'AUTHENTICATION' && !components.some((component) => component.type === 'BUTTONS')) {
    throw templateError(undefined, 'Invalid buttons', 'Authentication templates need exactly one OTP button.');
  }
  return components.map((component) => {
    if (component.type === 'HEADER') return checkHeader(component, category, format);
    if (component.type === 'BODY') return checkBody(component, category, format);
    if (component.type === 'FOOTER') return checkFooter(component, category);
    return checkButtons(component, category);
  });
}

function checkHeader(component: TemplateComponent, category: TemplateCategory, format: 'POSITIONAL' | 'NAMED'): TemplateComponent {
  const headerFormat = upper(component.format);
  if (category === 'AUTHENTICATION') throw templateError(2388047, 'Invalid header', 'Authentication templates cannot have a header.');
  if (!headerFormat || !HEADER_FORMATS.includes(headerFormat)) throw templateError(2388047, 'Invalid header format', `Header format must be one of ${HEADER_FORMATS.join(', ')}.`);
  if (headerFormat === 'LOCATION' && category !== 'MARKETING' && category !== 'UTILITY') {
    throw templateError(2388047, 'Invalid header format', 'Location headers are only for marketing and utility templates.');
  }
  if (headerFormat !== 'TEXT') {
    const handles = component.example?.header_handle;
    if (headerFormat !== 'LOCATION' && (!Array.isArray(handles) || handles.length === 0)) {
      throw templateError(2388047, 'Missing media sample', `A ${headerFormat} header needs example.header_handle from the Resumable Upload API.`);
    }
    return { ...component, format: headerFormat };
  }
  const text = typeof component.text === 'string' ? component.text : '';
  if (text === '' || text.length > 60) throw templateError(2388040, 'Header text too long', 'Header text is required and may be at most 60 characters.');
  const names = distinct(variablesIn(text));
  const check = checkVariables(names, format);
  if (names.length > 1 || !check.ok) throw templateError(2388047, 'Invalid header variables', check.ok ? 'A text header may have at most one parameter.' : check.problem);
  requireExamples(component, names, format, 'header_text');
  return { ...component, format: 'TEXT' };
}

function checkBody(component: TemplateComponent, category: TemplateCategory, format: 'POSITIONAL' | 'NAMED'): TemplateComponent {
  // Meta writes the text of authentication templates itself; the code is the one parameter.
  if (category === 'AUTHENTICATION') return { ...component, text: AUTH_BODY };
  const text = typeof component.text === 'string' ? component.text : '';
  if (text === '') throw invalidParameter("The parameter components['BODY']['text'] is required.");
  if (text.length > 1024) throw templateError(2388040, 'Body text too long', `Body text may be at most 1024 characters; it has ${text.length}.`);
  const names = distinct(variablesIn(text));
  const check = checkVariables(names, format);
  if (!check.ok) throw templateError(2388072, 'Invalid body format', check.problem);
  if (names.length > 0 && variableAtEdge(text)) throw templateError(2388299, 'Variables at start or end', 'The body cannot start or end with a variable parameter.');
  requireExamples(component, names, format, 'body_text');
  return component;
}

function checkFooter(component: TemplateComponent, category: TemplateCategory): TemplateComponent {
  if (category === 'AUTHENTICATION' && typeof component.code_expiration_minutes === 'number') {
    return { ...component, text: `This code expires in ${component.code_expiration_minutes} minutes.` };
  }
  const text = typeof component.text === 'string' ? component.text : '';
  if (text === '' || text.length > 60) throw templateError(2388040, 'Footer text too long', 'Footer text is required and may be at most 60 characters.');
  if (variablesIn(text).length > 0) throw templateError(2388073, 'Invalid footer format', 'The footer cannot contain variable parameters.');
  return component;
}

/** Every variable needs a sample: `example.body_text: [[…]]` or `example.body_text_named_params`. */
function requireExamples(component: TemplateComponent, names: string[], format: 'POSITIONAL' | 'NAMED', key: 'body_text' | 'header_text'): void {
  if (names.length === 0) return;
  const example = component.example ?? {};
  const missing = () =>
    templateError(undefined, 'Missing sample values', `Add a sample for every variable in ${component.type} (example.${key}${format === 'NAMED' ? '_named_params' : ''}).`);
  if (format === 'NAMED') {
    const samples = example[`${key}_named_params`];
    const given = new Set(Array.isArray(samples) ? samples.filter(isObject).map((sample) => sample.param_name) : []);
    if (names.some((name) => !given.has(name))) throw missing();
    return;
  }
  const samples = example[key];
  const values = key === 'body_text' ? (Array.isArray(samples) ? samples[0] : undefined) : samples;
  if (!Array.isArray(values) || values.length !== names.length) throw missing();
}
