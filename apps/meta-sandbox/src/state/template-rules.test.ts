import { describe, expect, it } from 'vitest';
import { GraphError } from '../graph/errors';
import { validateTemplate } from './template-rules';

const body = (text: string, example: unknown = { body_text: [['Ana', '42']] }) => ({ type: 'BODY', text, example });
const template = (overrides: Record<string, unknown> = {}) => ({
  name: 'order_update',
  language: 'en_US',
  category: 'UTILITY',
  components: [body('Hi {{1}}, order {{2}} has shipped.')],
  ...overrides,
});

function errorOf(input: unknown) {
  try {
    validateTemplate(input);
  } catch (err) {
    if (err instanceof GraphError) return err.toBody('trace').error;
    throw err;
  }
  throw new Error('expected a GraphError');
}

describe('validateTemplate', () => {
  it('accepts a positional template and normalises types to upper case', () => {
    const draft = validateTemplate(template({ components: [{ ...body('Hi {{1}}, order {{2}} has shipped.'), type: 'body' }] }));
    expect(draft).toMatchObject({ name: 'order_update', category: 'UTILITY', parameterFormat: 'POSITIONAL' });
    expect(draft.components[0]!.type).toBe('BODY');
  });

  it('names the missing parameter', () => {
    expect(errorOf({ language: 'en_US' })).toMatchObject({ code: 100, message: '(#100) The parameter name is required.' });
  });

  it('rejects upper-case or spaced names', () => {
    expect(errorOf(template({ name: 'Order Update' }))).toMatchObject({ code: 100, error_user_title: 'Invalid template name' });
  });

  it('rejects an unknown category', () => {
    expect(errorOf(template({ category: 'PROMO' })).message).toMatch(/category must be one of/);
  });

  it('requires exactly one body', () => {
    expect(errorOf(template({ components: [{ type: 'FOOTER', text: 'x' }] })).error_user_title).toBe('Invalid components');
  });

  it('rejects non-sequential positional variables with 2388072', () => {
    expect(errorOf(template({ components: [body('Hi {{1}}, order {{3}} has shipped.')] }))).toMatchObject({ error_subcode: 2388072 });
  });

  it('rejects a body that starts or ends with a variable with 2388299', () => {
    expect(errorOf(template({ components: [body('{{1}} your order {{2}} shipped')] }))).toMatchObject({ error_subcode: 2388299 });
  });

  it('requires a sample for every variable', () => {
    expect(errorOf(template({ components: [body('Hi {{1}}, order {{2}} has shipped.', { body_text: [['Ana']] })] })).error_user_title).toBe(
      'Missing sample values',
    );
  });

  it('checks named parameters and their samples', () => {
    const named = template({
      parameter_format: 'NAMED',
      components: [{ type: 'BODY', text: 'Hi {{first_name}}, welcome.', example: { body_text_named_params: [{ param_name: 'first_name', example: 'Ana' }] } }],
    });
    expect(validateTemplate(named).parameterFormat).toBe('NAMED');
    expect(errorOf({ ...named, components: [{ type: 'BODY', text: 'Hi {{First}}, welcome.' }] })).toMatchObject({ error_subcode: 2388072 });
  });

  it('limits header, body and footer lengths with 2388040', () => {
    expect(errorOf(template({ components: [body(`Hi {{1}}, ${'x'.repeat(1030)} {{2}}.`)] }))).toMatchObject({ error_subcode: 2388040 });
    expect(errorOf(template({ components: [{ type: 'HEADER', format: 'TEXT', text: 'x'.repeat(61) }, body('Hi {{1}}, order {{2}} has shipped.')] }))).toMatchObject({
      error_subcode: 2388040,
    });
  });

  it('forbids variables in the footer with 2388073', () => {
    expect(errorOf(template({ components: [body('Hi {{1}}, order {{2}} has shipped.'), { type: 'FOOTER', text: 'Ref {{1}}' }] }))).toMatchObject({ error_subcode: 2388073 });
  });

  it('requires a media sample for an image header', () => {
    expect(errorOf(template({ components: [{ type: 'HEADER', format: 'IMAGE' }, body('Hi {{1}}, order {{2}} has shipped.')] }))).toMatchObject({ error_subcode: 2388047 });
  });

  it('counts buttons per type and keeps quick replies together', () => {
    const buttons = (list: unknown[]) => template({ components: [body('Hi {{1}}, order {{2}} has shipped.'), { type: 'BUTTONS', buttons: list }] });
    const url = { type: 'URL', text: 'Track', url: 'https://example.com/track' };
    const quick = { type: 'QUICK_REPLY', text: 'Stop' };
    expect(() => validateTemplate(buttons([quick, quick, url]))).not.toThrow();
    expect(errorOf(buttons([quick, url, quick])).error_user_msg).toMatch(/grouped together/);
    expect(errorOf(buttons([url, url, url])).error_user_msg).toMatch(/At most 2 URL/);
    expect(errorOf(buttons([{ type: 'QUICK_REPLY', text: 'x'.repeat(26) }]))).toMatchObject({ error_subcode: 2388040 });
  });

  it('requires an OTP button on authentication templates and fills in their body', () => {
    const auth = {
      name: 'login_code',
      language: 'en_US',
      category: 'AUTHENTICATION',
      components: [{ type: 'BODY', add_security_recommendation: true }, { type: 'BUTTONS', buttons: [{ type: 'OTP', otp_type: 'COPY_CODE' }] }],
    };
    expect(validateTemplate(auth).components[0]!.text).toBe('{{1}} is your verification code.');
    expect(errorOf({ ...auth, components: [{ type: 'BODY' }] }).error_user_msg).toMatch(/OTP button/);
  });
});
