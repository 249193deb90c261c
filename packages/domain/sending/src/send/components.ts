/**
 * A campaign message's template components at send time, built from the row's rendered
 * variables (keyed as @dbulk/domain-templates' `variablesOf` names them: `header.1`,
 * `header.image`, `body.first_name`, `buttons.0`) in the order Meta expects. Pure.
 * @see https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/overview
 */
import type { TemplateSendComponent, TemplateSendParameter } from '@dbulk/meta';
import { variablesOf, type TemplateContent, type TemplateVariable } from '@dbulk/domain-templates';

type Content = Pick<TemplateContent, 'category' | 'components' | 'parameterFormat'>;

/** The value of one variable: the row's value under its key (also accepting `button.N`). */
function valueOf(variable: TemplateVariable, values: Record<string, string>): string {
  const alias = variable.key.startsWith('buttons.') ? `button.${variable.buttonIndex}` : variable.key;
  return values[variable.key] ?? values[alias] ?? '';
}

function textParameter(variable: TemplateVariable, value: string, named: boolean): TemplateSendParameter {
  return named ? { type: 'text', text: value, parameter_name: variable.name } : { type: 'text', text: value };
}

function headerParameter(variable: TemplateVariable, value: string, named: boolean): TemplateSendParameter | null {
  switch (variable.type) {
    case 'text':
      return textParameter(variable, value, named);
    case 'image':
      return { type: 'image', image: { link: value } };
    case 'video':
      return { type: 'video', video: { link: value } };
    case 'document':
      return { type: 'document', document: { link: value } };
    default:
      return null;
  }
}

export function buildComponents(template: Content, values: Record<string, string>): TemplateSendComponent[] {
  const vars = variablesOf(template);
  const named = template.parameterFormat === 'NAMED';
  const out: TemplateSendComponent[] = [];
  const header = vars.header.flatMap((v) => headerParameter(v, valueOf(v, values), named) ?? []);
  if (header.length > 0) out.push({ type: 'header', parameters: header });
  const body = vars.body.map((v) => textParameter(v, valueOf(v, values), named && template.category !== 'AUTHENTICATION'));
  if (body.length > 0) out.push({ type: 'body', parameters: body });
  for (const v of vars.buttons) {
    const value = valueOf(v, values);
    const index = String(v.buttonIndex ?? 0);
    if (v.type === 'coupon_code') {
      out.push({ type: 'button', sub_type: 'copy_code', index, parameters: [{ type: 'coupon_code', coupon_code: value }] });
    } else {
      // URL suffixes and one-time codes (the OTP button repeats the body's code) are text.
      const text = v.type === 'otp' ? (values['body.1'] ?? value) : value;
      out.push({ type: 'button', sub_type: 'url', index, parameters: [{ type: 'text', text }] });
    }
  }
  return out;
}
