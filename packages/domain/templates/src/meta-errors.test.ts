import { describe, expect, it } from 'vitest';
import { AppError } from '@dbulk/errors';
import { classifyMetaError, MetaApiError } from '@dbulk/meta';
import { inferField, rethrowTemplateMetaError } from './meta-errors';

const metaError = (subcode: number | undefined, title: string, details: string, code = 100) =>
  new MetaApiError({
    classification: classifyMetaError(subcode ?? code),
    request: 'POST /v23.0/1/message_templates',
    metaCode: code,
    subcode,
    title,
    metaMessage: 'Invalid parameter',
    errorDetails: details,
  });

describe('Meta template errors', () => {
  it.each([
    [
      2388299,
      'Variables at start or end',
      'The body cannot start or end with a variable parameter.',
      'components.body.text',
    ],
    [2388047, 'Missing media sample', 'A IMAGE header needs example.header_handle', 'components.header'],
    [
      2388073,
      'Invalid footer format',
      'The footer cannot contain variable parameters.',
      'components.footer.text',
    ],
    [2388024, 'Content in this language already exists', 'There is already en_US content for x.', 'name'],
    [undefined, 'Invalid buttons', 'Quick reply buttons must be grouped together', 'components.buttons'],
    [undefined, 'Invalid parameter', 'Param language must be a supported language code', 'language'],
  ])('infers the field of subcode %s (%s)', (subcode, title, details, field) => {
    expect(inferField(metaError(subcode, title, details))).toBe(field);
  });

  it('keeps Meta’s code, subcode and words', () => {
    let thrown: unknown;
    try {
      rethrowTemplateMetaError(
        metaError(
          2388299,
          'Variables at start or end',
          'The body cannot start or end with a variable parameter.',
        ),
        'create',
        'spring',
      );
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({
      code: 'TEMPLATE_META_ERROR',
      category: 'invalid',
      message:
        'Meta refused to create template spring: Variables at start or end — The body cannot start or end with a variable parameter. (code 100, subcode 2388299)',
      details: { field: 'components.body.text', metaCode: 100, metaSubcode: 2388299 },
    });
    const plain = new Error('boom');
    expect(() => rethrowTemplateMetaError(plain, 'create', 'x')).toThrow(plain);
  });
});
