/**
 * The builder's components ⇄ Meta's component JSON (what `templates.components` stores and what
 * the Graph API takes and returns). Meta features the builder does not model (carousels,
 * catalog buttons, GIF headers…) are reported as `unsupported` instead of being dropped silently.
 * @see https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/components
 */
import type { TemplateComponentDef } from '@dbulk/meta';
import {
  BUTTON_TYPES,
  HEADER_FORMATS,
  type Examples,
  type ParameterFormat,
  type TemplateButton,
  type TemplateComponents,
  type TemplateContent,
} from './template.types';
import { orderedNames } from './template-variables';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const first = (v: unknown) => str(Array.isArray(v) ? v[0] : v);

function metaExample(
  text: string,
  examples: Examples | undefined,
  format: ParameterFormat,
  key: 'header_text' | 'body_text',
) {
  const names = orderedNames(text);
  if (names.length === 0) return undefined;
  if (format === 'NAMED')
    return {
      [`${key}_named_params`]: names.map((name) => ({ param_name: name, example: examples?.[name] ?? '' })),
    };
  const values = names.map((name) => examples?.[name] ?? '');
  return { [key]: key === 'body_text' ? [values] : values };
}

function buttonToMeta(b: TemplateButton): NonNullable<TemplateComponentDef['buttons']>[number] {
  switch (b.type) {
    case 'URL':
      return {
        type: 'URL',
        text: b.text,
        url: b.url,
        ...(b.example && /\{\{/.test(b.url ?? '') ? { example: [b.example] } : {}),
      };
    case 'PHONE_NUMBER':
      return { type: 'PHONE_NUMBER', text: b.text, phone_number: b.phoneNumber };
    case 'COPY_CODE':
      return { type: 'COPY_CODE', example: b.example };
    case 'OTP':
      return {
        type: 'OTP',
        otp_type: b.otpType ?? 'COPY_CODE',
        ...(b.text ? { text: b.text } : {}),
        ...(b.supportedApps?.length
          ? {
              supported_apps: b.supportedApps.map((a) => ({
                package_name: a.packageName,
                signature_hash: a.signatureHash,
              })),
            }
          : {}),
      };
    default:
      return { type: b.type, text: b.text };
  }
}

export function toMetaComponents(t: TemplateContent): TemplateComponentDef[] {
  const { header, body, footer, buttons } = t.components;
  const out: TemplateComponentDef[] = [];
  const auth = t.category === 'AUTHENTICATION';
  if (header && !auth) {
    if (header.format === 'TEXT') {
      const example = metaExample(header.text ?? '', header.examples, t.parameterFormat, 'header_text');
      out.push({ type: 'HEADER', format: 'TEXT', text: header.text ?? '', ...(example ? { example } : {}) });
    } else if (header.format === 'LOCATION') out.push({ type: 'HEADER', format: 'LOCATION' });
    else
      out.push({
        type: 'HEADER',
        format: header.format,
        example: { header_handle: [header.mediaExample ?? ''] },
      });
  }
  if (auth) {
    out.push({
      type: 'BODY',
      ...(body.addSecurityRecommendation ? { add_security_recommendation: true } : {}),
    });
    if (footer?.codeExpirationMinutes !== undefined)
      out.push({ type: 'FOOTER', code_expiration_minutes: footer.codeExpirationMinutes });
  } else {
    const example = metaExample(body.text ?? '', body.examples, t.parameterFormat, 'body_text');
    out.push({ type: 'BODY', text: body.text ?? '', ...(example ? { example } : {}) });
    if (footer?.text) out.push({ type: 'FOOTER', text: footer.text });
  }
  if (buttons?.length) out.push({ type: 'BUTTONS', buttons: buttons.map(buttonToMeta) });
  return out;
}

function examplesFrom(
  text: string,
  example: unknown,
  format: ParameterFormat,
  key: 'header_text' | 'body_text',
): Examples | undefined {
  if (!isObject(example)) return undefined;
  const named = example[`${key}_named_params`];
  if (format === 'NAMED' && Array.isArray(named)) {
    return Object.fromEntries(
      named.filter(isObject).map((p) => [String(p.param_name), String(p.example ?? '')]),
    );
  }
  const raw = example[key];
  const values = key === 'body_text' && Array.isArray(raw) ? raw[0] : raw;
  if (!Array.isArray(values)) return undefined;
  return Object.fromEntries(
    orderedNames(text).flatMap((name, i) => (values[i] === undefined ? [] : [[name, String(values[i])]])),
  );
}

function buttonFromMeta(raw: Json): TemplateButton {
  const type = String(raw.type).toUpperCase() as TemplateButton['type'];
  const apps = Array.isArray(raw.supported_apps) ? raw.supported_apps.filter(isObject) : [];
  const button: TemplateButton = { type };
  if (str(raw.text) !== undefined) button.text = str(raw.text);
  if (type === 'URL')
    Object.assign(
      button,
      { url: str(raw.url) ?? '' },
      first(raw.example) ? { example: first(raw.example) } : {},
    );
  if (type === 'PHONE_NUMBER') button.phoneNumber = str(raw.phone_number) ?? '';
  if (type === 'COPY_CODE') button.example = first(raw.example) ?? '';
  if (type === 'OTP')
    button.otpType = (str(raw.otp_type)?.toUpperCase() ?? 'COPY_CODE') as TemplateButton['otpType'];
  if (apps.length)
    button.supportedApps = apps.map((a) => ({
      packageName: String(a.package_name ?? ''),
      signatureHash: String(a.signature_hash ?? ''),
    }));
  return button;
}

export function fromMetaComponents(
  raw: readonly Json[],
  format: ParameterFormat,
): { components: TemplateComponents; unsupported: string[] } {
  const components: TemplateComponents = { header: null, body: {}, footer: null, buttons: [] };
  const unsupported: string[] = [];
  for (const c of raw.filter(isObject)) {
    const type = String(c.type).toUpperCase();
    const text = str(c.text);
    if (type === 'HEADER') {
      const headerFormat = String(c.format ?? 'TEXT').toUpperCase();
      if (!(HEADER_FORMATS as readonly string[]).includes(headerFormat))
        unsupported.push(`components.header: ${headerFormat} headers`);
      else if (headerFormat === 'TEXT')
        components.header = {
          format: 'TEXT',
          text: text ?? '',
          examples: examplesFrom(text ?? '', c.example, format, 'header_text') ?? {},
        };
      else if (headerFormat === 'LOCATION') components.header = { format: 'LOCATION' };
      else
        components.header = {
          format: headerFormat as 'IMAGE',
          mediaExample: first(isObject(c.example) ? c.example.header_handle : undefined) ?? '',
        };
    } else if (type === 'BODY') {
      components.body = {
        text: text ?? '',
        examples: examplesFrom(text ?? '', c.example, format, 'body_text') ?? {},
      };
      if (c.add_security_recommendation === true) components.body.addSecurityRecommendation = true;
    } else if (type === 'FOOTER') {
      components.footer =
        typeof c.code_expiration_minutes === 'number'
          ? { codeExpirationMinutes: c.code_expiration_minutes }
          : { text: text ?? '' };
    } else if (type === 'BUTTONS') {
      (Array.isArray(c.buttons) ? c.buttons.filter(isObject) : []).forEach((b, i) => {
        const buttonType = String(b.type).toUpperCase();
        if ((BUTTON_TYPES as readonly string[]).includes(buttonType))
          components.buttons!.push(buttonFromMeta(b));
        else unsupported.push(`components.buttons[${i}]: ${buttonType} buttons`);
      });
    } else unsupported.push(`components: ${type} components`);
  }
  return { components, unsupported };
}
