/**
 * Checks the `template.components` of a send against the approved template, like Meta:
 * parameter counts (132000), formats (132012), text rules (100) and the hydrated length (132005).
 * @see https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/overview
 */
import { invalidParameter } from '../graph/errors';
import { whatsappError } from '../graph/whatsapp-errors';
import type { Template, TemplateComponent } from './templates';
import { distinct, hydrate, variablesIn } from './template-variables';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

const countMismatch = (where: string, got: number, expected: number) =>
  whatsappError(132000, `${where}: number of localizable_params (${got}) does not match the expected number of params (${expected})`);

const formatMismatch = (where: string, expected: string, got: unknown) =>
  whatsappError(132012, `${where}: Format mismatch, expected ${expected}, received ${typeof got === 'string' ? got.toUpperCase() : 'UNKNOWN'}`);

/** The text a parameter contributes: text, or the fallback of currency/date_time. */
function parameterText(where: string, parameter: Json): string {
  const type = parameter.type;
  const value =
    type === 'text' ? parameter.text : type === 'currency' || type === 'date_time' ? (parameter[type] as Json | undefined)?.fallback_value : undefined;
  if (type !== 'text' && type !== 'currency' && type !== 'date_time') throw formatMismatch(where, 'TEXT', type);
  if (typeof value !== 'string' || value === '') throw whatsappError(131008, `${where}: Parameter of type ${String(type)} is missing a value`);
  if (/[\n\t]| {5,}/.test(value)) throw invalidParameter('Invalid parameter', { details: 'Param text cannot have new-line/tab characters or more than 4 consecutive spaces' });
  return value;
}

function valuesFor(where: string, text: string, parameters: Json[], named: boolean): Map<string, string> {
  const names = distinct(variablesIn(text));
  if (parameters.length !== names.length) throw countMismatch(where, parameters.length, names.length);
  const values = new Map<string, string>();
  parameters.forEach((parameter, index) => {
    const name = named ? parameter.parameter_name : String(index + 1);
    if (typeof name !== 'string' || !names.includes(name)) {
      throw whatsappError(132000, `${where}: parameter_name "${String(name)}" does not match any of the template's parameters (${names.join(', ')})`);
    }
    values.set(name, parameterText(where, parameter));
  });
  return values;
}

function checkHeader(header: TemplateComponent | undefined, given: Json | undefined, named: boolean): void {
  const parameters = Array.isArray(given?.parameters) ? given.parameters.filter(isObject) : [];
  if (!header || header.format === 'TEXT') {
    valuesFor('header', header?.text ?? '', parameters, named);
    return;
  }
  const format = header.format ?? 'TEXT';
  const media = format.toLowerCase();
  const parameter = parameters[0];
  const object = parameter?.[media];
  if (!parameter || parameter.type !== media || !isObject(object) || (media !== 'location' && !object.id && !object.link)) {
    throw formatMismatch('header', format, parameter?.type);
  }
}

function checkButtons(buttons: TemplateComponent | undefined, given: Json[]): void {
  (buttons?.buttons ?? []).forEach((button, index) => {
    const needs = button.type === 'OTP' || button.type === 'COPY_CODE' || (button.type === 'URL' && variablesIn(button.url ?? '').length > 0);
    if (!needs) return;
    const component = given.find((item) => Number(item.index ?? 0) === index);
    const parameters = Array.isArray(component?.parameters) ? component.parameters : [];
    if (parameters.length !== 1) throw countMismatch('button', parameters.length, 1);
  });
}

/** Validates the send and returns the body as the user would read it. */
export function checkSendParameters(template: Template, raw: unknown): string {
  if (raw !== undefined && !Array.isArray(raw)) throw invalidParameter("Param template['components'] must be an array.");
  const given = (raw ?? []).filter(isObject);
  const byType = (type: string) => given.filter((component) => String(component.type).toLowerCase() === type);
  const part = (type: TemplateComponent['type']) => template.components.find((component) => component.type === type);
  const named = template.parameterFormat === 'NAMED';

  checkHeader(part('HEADER'), byType('header')[0], named);
  const body = part('BODY')?.text ?? '';
  const bodyParameters = byType('body')[0]?.parameters;
  const values = valuesFor('body', body, Array.isArray(bodyParameters) ? bodyParameters.filter(isObject) : [], named);
  checkButtons(part('BUTTONS'), byType('button'));
  const hydrated = hydrate(body, values);
  if (hydrated.length > 1024) throw whatsappError(132005, `body: hydrated text is ${hydrated.length} characters; the limit is 1024`);
  return hydrated;
}
