import { describe, expect, it } from 'vitest';
import { validateTemplate } from './template-rules';
import { fixedWordCount, MIN_FIXED_WORDS } from './text-rules';
import type { TemplateButton, TemplateContent } from './template.types';

const base = (
  over: Partial<TemplateContent> = {},
  components: Partial<TemplateContent['components']> = {},
): TemplateContent => ({
  name: 'order_update',
  language: 'en_US',
  category: 'UTILITY',
  parameterFormat: 'POSITIONAL',
  ...over,
  components: {
    body: {
      text: 'Hello {{1}}, your order {{2}} has shipped and will arrive soon.',
      examples: { '1': 'Ana', '2': 'A-42' },
    },
    ...components,
  },
});
const body = (text: string, examples: Record<string, string> = {}) => ({ body: { text, examples } });
const buttons = (...list: TemplateButton[]) => ({ buttons: list });
const quick = (text = 'Yes') => ({ type: 'QUICK_REPLY' as const, text });
const url = (u = 'https://shop.example.com/track/{{1}}', example = 'A-42') => ({
  type: 'URL' as const,
  text: 'Track',
  url: u,
  example,
});
const phone = { type: 'PHONE_NUMBER' as const, text: 'Call us', phoneNumber: '+15551234567' };
const auth = (components: Partial<TemplateContent['components']> = {}) =>
  base(
    { category: 'AUTHENTICATION' },
    { body: {}, buttons: [{ type: 'OTP', otpType: 'COPY_CODE' }], ...components },
  );
const many = (n: number, make: () => TemplateButton) => Array.from({ length: n }, make);

const messages = (t: TemplateContent) => validateTemplate(t).map((p) => p.message);

describe('validateTemplate', () => {
  it('accepts a valid positional template, a named one, and every optional part', () => {
    expect(validateTemplate(base())).toEqual([]);
    const named = base(
      { parameterFormat: 'NAMED' },
      body('Hi {{first_name}}, your order {{order_id}} is on its way to you.', {
        first_name: 'Ana',
        order_id: 'A-42',
      }),
    );
    expect(validateTemplate(named)).toEqual([]);
    const full = base(
      { category: 'MARKETING' },
      {
        header: { format: 'TEXT', text: 'Hi {{1}}', examples: { '1': 'Ana' } },
        footer: { text: 'Reply STOP to opt out' },
        buttons: [quick('Yes'), quick('No'), url(), phone, { type: 'COPY_CODE', example: 'SAVE10' }],
      },
    );
    expect(validateTemplate(full)).toEqual([]);
    expect(
      validateTemplate(
        auth({ footer: { codeExpirationMinutes: 10 }, body: { addSecurityRecommendation: true } }),
      ),
    ).toEqual([]);
    for (const format of ['IMAGE', 'VIDEO', 'DOCUMENT'] as const)
      expect(validateTemplate(base({}, { header: { format, mediaExample: '4::aW1hZ2U=' } }))).toEqual([]);
    expect(validateTemplate(base({}, { header: { format: 'LOCATION' } }))).toEqual([]);
  });

  it('reports every problem at once, each naming its field', () => {
    const problems = validateTemplate(
      base({ name: 'Bad Name', language: 'english' }, { ...body('{{1}} {{3}}'), footer: { text: '' } }),
    );
    expect(problems.map((p) => p.field)).toEqual(
      expect.arrayContaining([
        'name',
        'language',
        'components.body.text',
        'components.body.examples.1',
        'components.body.examples.3',
        'components.footer.text',
      ]),
    );
    for (const p of problems) expect(p.message).toBe(`${p.field}: ${p.detail}`);
  });

  const cases: [string, TemplateContent, string][] = [
    // identity
    [
      'name with capitals and spaces',
      base({ name: 'Spring Sale!' }),
      'name: "Spring Sale!" may contain only lowercase letters, digits and underscores (e.g. spring_sale)',
    ],
    ['name over 512 characters', base({ name: 'a'.repeat(513) }), 'name: is 513 characters — at most 512'],
    ['empty name', base({ name: '' }), 'name: a name is required'],
    ['language not a code', base({ language: 'English' }), 'language: "English" is not a language code'],
    ['language with a dash', base({ language: 'en-US' }), 'language: "en-US" is not a language code'],
    [
      'unknown category',
      base({ category: 'PROMO' as never }),
      'category: must be one of MARKETING, UTILITY, AUTHENTICATION',
    ],
    [
      'unknown parameter format',
      base({ parameterFormat: 'MIXED' as never }),
      'parameterFormat: must be one of POSITIONAL, NAMED',
    ],
    // header
    [
      'header text over 60',
      base({}, { header: { format: 'TEXT', text: 'x'.repeat(61) } }),
      'components.header.text: is 61 characters — at most 60',
    ],
    [
      'header with 2 variables',
      base({}, { header: { format: 'TEXT', text: 'Hi {{1}} and {{2}}', examples: { '1': 'a', '2': 'b' } } }),
      'components.header.text: has 2 variables — a text header may hold at most 1',
    ],
    [
      'header variable without example',
      base({}, { header: { format: 'TEXT', text: 'Hi {{1}}' } }),
      'components.header.examples.1: add a sample value for {{1}}',
    ],
    [
      'empty text header',
      base({}, { header: { format: 'TEXT', text: ' ' } }),
      'components.header.text: a TEXT header needs text',
    ],
    [
      'header on two lines',
      base({}, { header: { format: 'TEXT', text: 'Hello\nthere' } }),
      'components.header.text: a header is a single line',
    ],
    [
      'image header without sample',
      base({}, { header: { format: 'IMAGE' } }),
      'components.header.mediaExample: a IMAGE header needs a sample',
    ],
    [
      'document header without sample',
      base({}, { header: { format: 'DOCUMENT', mediaExample: '' } }),
      'components.header.mediaExample: a DOCUMENT header needs a sample',
    ],
    [
      'unknown header format',
      base({}, { header: { format: 'GIF' as never } }),
      'components.header.format: must be one of TEXT, IMAGE, VIDEO, DOCUMENT, LOCATION',
    ],
    // body
    ['missing body', base({}, body('')), 'components.body.text: the body text is required'],
    [
      'body over 1024',
      base({}, body('word '.repeat(205))),
      'components.body.text: is 1025 characters — at most 1024',
    ],
    [
      'gap in positional variables',
      base({}, body('Hi {{1}}, your order {{3}} has shipped and will arrive soon.', { '1': 'a', '3': 'b' })),
      'components.body.text: variable {{3}} is out of order — expected {{2}}',
    ],
    [
      'starting at {{2}}',
      base({}, body('Hi {{2}}, your order has shipped and will arrive soon.', { '2': 'a' })),
      'components.body.text: variable {{2}} is out of order — expected {{1}}',
    ],
    [
      'named variable in a positional template',
      base({}, body('Hi {{name}}, your order has shipped and will arrive soon.', { name: 'a' })),
      'components.body.text: {{name}} is a named variable but parameterFormat is POSITIONAL',
    ],
    [
      'positional variable in a named template',
      base({ parameterFormat: 'NAMED' }),
      'components.body.text: {{1}} is a positional variable but parameterFormat is NAMED',
    ],
    [
      'mixed kinds',
      base(
        {},
        body('Hi {{1}}, your order {{order}} has shipped and will arrive soon.', { '1': 'a', order: 'b' }),
      ),
      'components.body.text: mixes positional ({{1}}) and named ({{first_name}}) variables',
    ],
    [
      'named with capitals',
      base(
        { parameterFormat: 'NAMED' },
        body('Hi {{FirstName}}, your order has shipped and will arrive soon.'),
      ),
      'components.body.text: "{{FirstName}}" is not a valid variable',
    ],
    [
      'spaces inside braces',
      base({}, body('Hi {{ 1 }}, your order has shipped and will arrive soon.')),
      'components.body.text: "{{ 1 }}" is not a valid variable — remove the spaces inside the braces',
    ],
    [
      'repeated named variable',
      base(
        { parameterFormat: 'NAMED' },
        body('Hi {{name}}, dear {{name}}, your order has shipped and will arrive soon.', { name: 'a' }),
      ),
      'components.body.text: {{name}} appears more than once',
    ],
    [
      'unmatched braces',
      base({}, body('Hi {{1}}, your order {{2 has shipped and will arrive soon.', { '1': 'a' })),
      'components.body.text: has unmatched "{{" or "}}"',
    ],
    [
      'variable at the start',
      base({}, body('{{1}}, your order has shipped and will arrive soon.', { '1': 'a' })),
      'components.body.text: starts with a variable',
    ],
    [
      'variable at the end',
      base({}, body('Your order has shipped and will arrive soon, {{1}}', { '1': 'a' })),
      'components.body.text: ends with a variable',
    ],
    [
      'variable at the end before punctuation',
      base({}, body('Your order has shipped and will arrive soon, {{1}}!', { '1': 'a' })),
      'components.body.text: ends with a variable',
    ],
    [
      'adjacent variables',
      base(
        {},
        body('Hello {{1}} {{2}}, your order has shipped and will arrive soon.', { '1': 'a', '2': 'b' }),
      ),
      'components.body.text: {{1}} and {{2}} are next to each other',
    ],
    [
      'adjacent variables with a comma',
      base(
        {},
        body('Hello {{1}},{{2}}, your order has shipped and will arrive soon.', { '1': 'a', '2': 'b' }),
      ),
      'components.body.text: {{1}} and {{2}} are next to each other',
    ],
    [
      'too many variables for the length',
      base({}, body('Hi {{1}}, gate {{2}} now.', { '1': 'a', '2': 'b' })),
      'components.body.text: has too many variables for its length: 2 variable(s) need at least 5 words of fixed text, found 3',
    ],
    [
      'missing positional example',
      base({}, body('Hello {{1}}, your order {{2}} has shipped and will arrive soon.', { '1': 'Ana' })),
      'components.body.examples.2: add a sample value for {{2}}',
    ],
    [
      'blank example',
      base(
        {},
        body('Hello {{1}}, your order {{2}} has shipped and will arrive soon.', { '1': 'Ana', '2': '  ' }),
      ),
      'components.body.examples.2: add a sample value for {{2}}',
    ],
    [
      'missing named example',
      base(
        { parameterFormat: 'NAMED' },
        body('Hi {{first_name}}, your order has shipped and will arrive soon.'),
      ),
      'components.body.examples.first_name: add a sample value for {{first_name}}',
    ],
    // footer
    [
      'footer over 60',
      base({}, { footer: { text: 'f'.repeat(61) } }),
      'components.footer.text: is 61 characters — at most 60',
    ],
    [
      'footer with a variable',
      base({}, { footer: { text: 'Bye {{1}}' } }),
      'components.footer.text: a footer cannot contain variables',
    ],
    ['empty footer', base({}, { footer: { text: '' } }), 'components.footer.text: a footer needs text'],
    // buttons
    [
      '11 buttons',
      base({}, buttons(...many(11, () => quick()))),
      'components.buttons: has 11 buttons — at most 10 are allowed',
    ],
    [
      '11 quick replies',
      base({}, buttons(...many(11, () => quick()))),
      'components.buttons: has 11 QUICK_REPLY buttons — at most 10 allowed',
    ],
    [
      'quick reply label over 25',
      base({}, buttons(quick('x'.repeat(26)))),
      'components.buttons[0].text: label is 26 characters — at most 25',
    ],
    [
      'quick reply without label',
      base({}, buttons(quick(''))),
      'components.buttons[0].text: a QUICK_REPLY button needs a label',
    ],
    [
      'variable in a label',
      base({}, buttons(quick('Hi {{1}}'))),
      'components.buttons[0].text: a button label cannot contain variables',
    ],
    [
      'interleaved quick replies',
      base({}, buttons(quick(), phone, quick())),
      'components.buttons: mixes QUICK_REPLY buttons with other buttons',
    ],
    [
      '3 URL buttons',
      base({}, buttons(url(), url(), url())),
      'components.buttons: has 3 URL buttons — at most 2 allowed',
    ],
    [
      'URL with two variables',
      base({}, buttons(url('https://x.example.com/{{1}}/{{2}}'))),
      'components.buttons[0].url: has 2 variables — a URL may hold one, at its end',
    ],
    [
      'URL variable in the middle',
      base({}, buttons(url('https://x.example.com/{{1}}/track'))),
      'components.buttons[0].url: the variable must be at the end of the URL',
    ],
    [
      'URL variable not {{1}}',
      base({}, buttons(url('https://x.example.com/{{2}}'))),
      'components.buttons[0].url: write the URL variable as {{1}}, not {{2}}',
    ],
    [
      'URL variable without example',
      base({}, buttons(url('https://shop.example.com/track/{{1}}', ''))),
      'components.buttons[0].example: add a sample value for the URL variable {{1}}',
    ],
    [
      'URL not http',
      base({}, buttons(url('ftp://x.example.com'))),
      'components.buttons[0].url: needs a web address starting with https://',
    ],
    [
      '2 phone buttons',
      base({}, buttons(phone, phone)),
      'components.buttons: has 2 PHONE_NUMBER buttons — at most 1 allowed',
    ],
    [
      'phone button without number',
      base({}, buttons({ ...phone, phoneNumber: '12' })),
      'components.buttons[0].phoneNumber: needs a phone number in international format',
    ],
    [
      '2 copy-code buttons',
      base({}, buttons({ type: 'COPY_CODE', example: 'A' }, { type: 'COPY_CODE', example: 'B' })),
      'components.buttons: has 2 COPY_CODE buttons — at most 1 allowed',
    ],
    [
      'copy-code sample over 15',
      base({}, buttons({ type: 'COPY_CODE', example: 'C'.repeat(16) })),
      'components.buttons[0].example: sample code is 16 characters — at most 15',
    ],
    [
      'copy-code without sample',
      base({}, buttons({ type: 'COPY_CODE' })),
      'components.buttons[0].example: a COPY_CODE button needs a sample code',
    ],
    [
      'OTP button outside authentication',
      base({}, buttons({ type: 'OTP' })),
      'components.buttons[0].type: OTP buttons are only for AUTHENTICATION templates',
    ],
    // authentication
    [
      'authentication without OTP',
      auth({ buttons: [] }),
      'components.buttons: an authentication template needs exactly one OTP button and no other buttons',
    ],
    [
      'authentication with a URL',
      auth({ buttons: [{ type: 'OTP' }, url()] }),
      'components.buttons[1].type: authentication templates cannot have URL buttons',
    ],
    [
      'authentication with a media header',
      auth({ header: { format: 'IMAGE', mediaExample: 'h' } }),
      'components.header: authentication templates cannot have a header',
    ],
    [
      'authentication footer text',
      auth({ footer: { text: 'hi' } }),
      'components.footer.text: authentication templates have no footer text',
    ],
    [
      'code expiry out of range',
      auth({ footer: { codeExpirationMinutes: 91 } }),
      'components.footer.codeExpirationMinutes: must be a whole number of minutes from 1 to 90',
    ],
    [
      'one-tap without app',
      auth({ buttons: [{ type: 'OTP', otpType: 'ONE_TAP' }] }),
      'components.buttons[0].supportedApps: a ONE_TAP OTP button needs the Android app',
    ],
    [
      'location header on authentication',
      auth({ header: { format: 'LOCATION' } }),
      'components.header: authentication templates cannot have a header',
    ],
  ];

  it.each(cases)('rejects %s', (_label, template, expected) => {
    expect(
      messages(template).some((m) => m.startsWith(expected)),
      `${messages(template).join('\n')}`,
    ).toBe(true);
  });

  it('tags problems with Meta’s subcode where Meta documents one', () => {
    const codeOf = (t: TemplateContent, field: string) =>
      validateTemplate(t).find((p) => p.field === field)?.metaCode;
    expect(
      codeOf(
        base({}, body('{{1}} and more words to make this long enough now.', { '1': 'a' })),
        'components.body.text',
      ),
    ).toBe(2388299);
    expect(codeOf(base({}, { footer: { text: 'f'.repeat(61) } }), 'components.footer.text')).toBe(2388040);
    expect(
      codeOf(base({}, body('Hi {{1}}, gate {{2}} now.', { '1': 'a', '2': 'b' })), 'components.body.text'),
    ).toBe(2388293);
    expect(codeOf(base({}, { header: { format: 'IMAGE' } }), 'components.header.mediaExample')).toBe(2388047);
  });

  it('allows positional variables in any order in the text, repeated, as Meta does', () => {
    expect(
      validateTemplate(
        base(
          {},
          body('Hi {{2}}, your order {{1}} for {{2}} has shipped and will arrive soon.', {
            '1': 'a',
            '2': 'b',
          }),
        ),
      ),
    ).toEqual([]);
  });
});

describe('the variable density rule (2388293)', () => {
  it('needs 2 fixed words per variable plus one', () => {
    expect([1, 2, 5].map(MIN_FIXED_WORDS)).toEqual([3, 5, 11]);
    expect(fixedWordCount('Hi {{1}}, your order {{2}} — shipped!')).toBe(4);
    expect(
      validateTemplate(base({}, body('Hi {{1}}, your order {{2}} has shipped.', { '1': 'a', '2': 'b' }))),
    ).toEqual([]);
  });
});
