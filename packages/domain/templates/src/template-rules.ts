/**
 * Validates a template the way Meta does at creation (and at review, for the rules that reject
 * a template later, such as adjacent variables), returning every problem at once with the field
 * path the builder uses. Pure: no I/O, no exceptions.
 * Facts: /shared/meta/README.md §1.2; numbers in TEMPLATE_LIMITS (@dbulk/meta).
 * @see https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/components
 */
import { TEMPLATE_CATEGORIES } from '@dbulk/db';
import { TEMPLATE_LIMITS as L } from '@dbulk/meta';
import { checkButtons } from './button-rules';
import { checkExamples, checkPlacement, checkVariables, Problems } from './text-rules';
import {
  HEADER_FORMATS,
  PARAMETER_FORMATS,
  type TemplateContent,
  type TemplateProblem,
} from './template.types';
import { tokensIn } from './template-variables';

/** `en`, `en_US`, `pt_BR`, `zh_HK`, `fil`: Meta's language codes. */
export const LANGUAGE_CODE = /^[a-z]{2,3}(_[A-Z]{2,4})?$/;
const CODE_EXPIRATION_MINUTES = { min: 1, max: 90 };

export function validateTemplate(template: TemplateContent): TemplateProblem[] {
  const out = new Problems();
  checkIdentity(template, out);
  const { category, parameterFormat: format } = template;
  const c = template.components;
  if (c.header) checkHeader(template, out);
  if (category === 'AUTHENTICATION') checkAuthenticationParts(template, out);
  else {
    const text = c.body?.text ?? '';
    if (!text.trim()) out.add('components.body.text', 'the body text is required');
    else if (text.length > L.bodyMaxLength)
      out.add('components.body.text', `is ${text.length} characters — at most ${L.bodyMaxLength}`, 2388040);
    const names = checkVariables(text, 'components.body.text', format, out, 2388072);
    checkPlacement(text, 'components.body.text', out);
    checkExamples(names, c.body?.examples, 'components.body.examples', out);
    if (c.footer) checkFooterText(c.footer.text, out);
  }
  if (c.buttons?.length || category === 'AUTHENTICATION') checkButtons(c.buttons ?? [], category, out);
  return out.list;
}

function checkIdentity({ name, language, category, parameterFormat }: TemplateContent, out: Problems): void {
  if (!name) out.add('name', 'a name is required');
  else if (name.length > L.nameMaxLength)
    out.add('name', `is ${name.length} characters — at most ${L.nameMaxLength}`);
  else if (!L.nameRegex.test(name)) {
    out.add(
      'name',
      `"${name}" may contain only lowercase letters, digits and underscores (e.g. ${suggestName(name) || 'order_update'})`,
    );
  }
  if (!LANGUAGE_CODE.test(language ?? ''))
    out.add(
      'language',
      `"${language ?? ''}" is not a language code — use Meta's codes such as en, en_US or pt_BR`,
    );
  if (!(TEMPLATE_CATEGORIES as readonly string[]).includes(category))
    out.add('category', `must be one of ${TEMPLATE_CATEGORIES.join(', ')}`);
  if (!(PARAMETER_FORMATS as readonly string[]).includes(parameterFormat))
    out.add('parameterFormat', `must be one of ${PARAMETER_FORMATS.join(', ')}`);
}

/** "Spring Sale!" → "spring_sale": offered in the message so the fix is one click. */
export function suggestName(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, L.nameMaxLength);
}

function checkHeader({ category, parameterFormat, components }: TemplateContent, out: Problems): void {
  const header = components.header!;
  const field = 'components.header';
  if (category === 'AUTHENTICATION') {
    out.add(field, 'authentication templates cannot have a header', 2388047);
    return;
  }
  if (!(HEADER_FORMATS as readonly string[]).includes(header.format)) {
    out.add(`${field}.format`, `must be one of ${HEADER_FORMATS.join(', ')}`, 2388047);
    return;
  }
  if (header.format === 'LOCATION') {
    if (category !== 'MARKETING' && category !== 'UTILITY')
      out.add(`${field}.format`, 'LOCATION headers are only for MARKETING and UTILITY templates', 2388047);
    return;
  }
  if (header.format !== 'TEXT') {
    if (!header.mediaExample?.trim()) {
      out.add(
        `${field}.mediaExample`,
        `a ${header.format} header needs a sample: upload one and give its handle, or a URL`,
        2388047,
      );
    }
    return;
  }
  const text = header.text ?? '';
  if (!text.trim()) out.add(`${field}.text`, 'a TEXT header needs text (or remove the header)', 2388047);
  if (text.length > L.headerTextMaxLength)
    out.add(`${field}.text`, `is ${text.length} characters — at most ${L.headerTextMaxLength}`, 2388040);
  if (/[\r\n]/.test(text))
    out.add(`${field}.text`, 'a header is a single line — remove the line breaks', 2388047);
  const count = new Set(tokensIn(text).map((t) => t.name)).size;
  if (count > L.headerTextMaxParameters)
    out.add(
      `${field}.text`,
      `has ${count} variables — a text header may hold at most ${L.headerTextMaxParameters}`,
      2388047,
    );
  const names = checkVariables(text, `${field}.text`, parameterFormat, out, 2388047);
  checkExamples(names, header.examples, `${field}.examples`, out);
}

function checkFooterText(text: string | undefined, out: Problems): void {
  const field = 'components.footer.text';
  if (!text?.trim()) out.add(field, 'a footer needs text (or remove the footer)', 2388073);
  else if (text.length > L.footerMaxLength)
    out.add(field, `is ${text.length} characters — at most ${L.footerMaxLength}`, 2388040);
  if (tokensIn(text ?? '').length > 0) out.add(field, 'a footer cannot contain variables', 2388073);
}

/** Meta writes the body and footer of authentication templates; only their options are ours. */
function checkAuthenticationParts({ components }: TemplateContent, out: Problems): void {
  const minutes = components.footer?.codeExpirationMinutes;
  if (components.footer?.text)
    out.add(
      'components.footer.text',
      'authentication templates have no footer text — set codeExpirationMinutes instead',
    );
  if (
    minutes !== undefined &&
    (!Number.isInteger(minutes) ||
      minutes < CODE_EXPIRATION_MINUTES.min ||
      minutes > CODE_EXPIRATION_MINUTES.max)
  ) {
    out.add(
      'components.footer.codeExpirationMinutes',
      `must be a whole number of minutes from ${CODE_EXPIRATION_MINUTES.min} to ${CODE_EXPIRATION_MINUTES.max}`,
    );
  }
  const code = components.body?.examples?.['1'];
  if (code && code.length > L.authenticationParameterMaxLength) {
    out.add(
      'components.body.examples.1',
      `the sample code is ${code.length} characters — at most ${L.authenticationParameterMaxLength}`,
    );
  }
}
