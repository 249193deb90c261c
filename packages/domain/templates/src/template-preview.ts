/**
 * The message as WhatsApp shows it: header, body, footer and buttons with the variables
 * substituted. A missing value falls back to the variable's example, then to `{{name}}`, and
 * every substitution is marked so the builder can highlight it. Pure.
 */
import { tokensIn, variablesOf, urlSuffixExample, type TemplateVariable } from './template-variables';
import type { ButtonType, HeaderFormat, TemplateContent } from './template.types';

/** Preview values by variable key (`body.1`, `header.first_name`, `buttons.0`). */
export type PreviewValues = Record<string, string>;

export interface PreviewPart {
  text: string;
  /** Set on substituted parts: the variable key and where the text came from. */
  variable?: string;
  source?: 'value' | 'example' | 'placeholder';
}

export interface PreviewButton {
  type: ButtonType;
  text: string;
  /** URL buttons: the address with its variable filled in. */
  url?: string;
  phoneNumber?: string;
  /** COPY_CODE / OTP: the code that would be copied. */
  code?: string;
}

export interface TemplatePreview {
  header: { format: HeaderFormat; text: string | null; parts: PreviewPart[]; media: string | null } | null;
  body: string;
  bodyParts: PreviewPart[];
  footer: string | null;
  buttons: PreviewButton[];
  /** Keys with no value given (shown with the example or the placeholder). */
  missing: string[];
}

const AUTH_BODY = '{{1}} is your verification code.';
const AUTH_SECURITY = ' For your security, do not share this code.';

function resolve(
  variable: TemplateVariable | undefined,
  name: string,
  values: PreviewValues,
  missing: Set<string>,
): Required<Omit<PreviewPart, 'variable'>> {
  const given = variable ? values[variable.key] : undefined;
  if (given !== undefined && given !== '') return { text: given, source: 'value' };
  if (variable) missing.add(variable.key);
  if (variable?.example) return { text: variable.example, source: 'example' };
  return { text: `{{${name}}}`, source: 'placeholder' };
}

function substitute(
  text: string,
  variables: TemplateVariable[],
  values: PreviewValues,
  missing: Set<string>,
): PreviewPart[] {
  const parts: PreviewPart[] = [];
  let cursor = 0;
  for (const token of tokensIn(text)) {
    if (token.at > cursor) parts.push({ text: text.slice(cursor, token.at) });
    const variable = variables.find((v) => v.name === token.name);
    parts.push({ ...resolve(variable, token.name, values, missing), variable: variable?.key ?? token.name });
    cursor = token.at + token.name.length + 4;
  }
  if (cursor < text.length) parts.push({ text: text.slice(cursor) });
  return parts;
}

const join = (parts: PreviewPart[]) => parts.map((p) => p.text).join('');

export function renderPreview(
  template: Pick<TemplateContent, 'category' | 'components'>,
  values: PreviewValues = {},
): TemplatePreview {
  const vars = variablesOf(template);
  const missing = new Set<string>();
  const { header, body, footer, buttons = [] } = template.components;
  const auth = template.category === 'AUTHENTICATION';

  let previewHeader: TemplatePreview['header'] = null;
  if (header && !auth) {
    const parts = header.format === 'TEXT' ? substitute(header.text ?? '', vars.header, values, missing) : [];
    const media =
      header.format === 'TEXT' ? null : resolve(vars.header[0], header.format.toLowerCase(), values, missing);
    previewHeader = {
      format: header.format,
      text: header.format === 'TEXT' ? join(parts) : null,
      parts,
      media: media && media.source !== 'placeholder' ? media.text : null,
    };
  }
  const bodyText = auth
    ? AUTH_BODY + (body.addSecurityRecommendation ? AUTH_SECURITY : '')
    : (body.text ?? '');
  const bodyParts = substitute(bodyText, vars.body, values, missing);
  const minutes = footer?.codeExpirationMinutes;
  const footerText = auth
    ? minutes === undefined
      ? null
      : `This code expires in ${minutes} minutes.`
    : footer?.text || null;

  const previewButtons = buttons.map((button, index): PreviewButton => {
    const variable = vars.buttons.find((v) => v.buttonIndex === index);
    switch (button.type) {
      case 'URL': {
        const url = button.url ?? '';
        const suffix = tokensIn(url).length ? resolve(variable, '1', values, missing).text : '';
        return {
          type: 'URL',
          text: button.text ?? '',
          url: url.replace(/\{\{[^{}]*\}\}/, suffix || (urlSuffixExample(url, button.example) ?? '')),
        };
      }
      case 'PHONE_NUMBER':
        return { type: 'PHONE_NUMBER', text: button.text ?? '', phoneNumber: button.phoneNumber ?? '' };
      case 'COPY_CODE':
        return {
          type: 'COPY_CODE',
          text: 'Copy offer code',
          code: resolve(variable, 'coupon_code', values, missing).text,
        };
      case 'OTP':
        return { type: 'OTP', text: button.text || 'Copy code', code: join(bodyParts).split(' ')[0] ?? '' };
      default:
        return { type: button.type, text: button.text ?? '' };
    }
  });
  return {
    header: previewHeader,
    body: join(bodyParts),
    bodyParts,
    footer: footerText,
    buttons: previewButtons,
    missing: [...missing],
  };
}
