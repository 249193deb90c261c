import { describe, expect, it } from 'vitest';
import {
  allVariables,
  kindOf,
  orderedNames,
  tokensIn,
  urlSuffixExample,
  variablesOf,
} from './template-variables';
import type { TemplateContent } from './template.types';

const template = (
  over: Partial<TemplateContent['components']>,
  category: TemplateContent['category'] = 'MARKETING',
) => ({
  category,
  components: {
    body: {
      text: 'Hi {{2}}, order {{1}} for {{2}} ships today, thanks.',
      examples: { '1': 'A-42', '2': 'Ana' },
    },
    ...over,
  },
});

describe('variablesOf', () => {
  it('lists body variables by number, once each, with their examples', () => {
    expect(variablesOf(template({})).body).toEqual([
      { key: 'body.1', component: 'body', name: '1', type: 'text', example: 'A-42' },
      { key: 'body.2', component: 'body', name: '2', type: 'text', example: 'Ana' },
    ]);
  });

  it('keeps named variables in order of first appearance', () => {
    const named = {
      category: 'UTILITY' as const,
      components: {
        body: {
          text: 'Hi {{first_name}}, order {{order_id}} for {{first_name}}.',
          examples: { first_name: 'Ana' },
        },
      },
    };
    expect(variablesOf(named).body.map((v) => [v.key, v.example])).toEqual([
      ['body.first_name', 'Ana'],
      ['body.order_id', null],
    ]);
  });

  it('covers the header, media headers and every button that takes a parameter', () => {
    const vars = variablesOf(
      template({
        header: { format: 'TEXT', text: 'Order {{1}}', examples: { '1': 'A-1' } },
        buttons: [
          { type: 'QUICK_REPLY', text: 'Stop' },
          {
            type: 'URL',
            text: 'Track',
            url: 'https://x.example.com/t/{{1}}',
            example: 'https://x.example.com/t/A-42',
          },
          { type: 'URL', text: 'Site', url: 'https://x.example.com' },
          { type: 'COPY_CODE', example: 'SAVE10' },
        ],
      }),
    );
    expect(vars.header).toEqual([
      { key: 'header.1', component: 'header', name: '1', type: 'text', example: 'A-1' },
    ]);
    expect(vars.buttons.map((v) => [v.key, v.type, v.example])).toEqual([
      ['buttons.1', 'text', 'A-42'],
      ['buttons.3', 'coupon_code', 'SAVE10'],
    ]);
    expect(
      variablesOf(template({ header: { format: 'IMAGE', mediaExample: 'https://x.example.com/a.jpg' } }))
        .header,
    ).toEqual([
      {
        key: 'header.image',
        component: 'header',
        name: 'image',
        type: 'image',
        example: 'https://x.example.com/a.jpg',
      },
    ]);
    expect(variablesOf(template({ header: { format: 'LOCATION' } })).header[0]?.type).toBe('location');
    expect(allVariables(vars)).toHaveLength(5);
  });

  it('gives an authentication template its code: body {{1}} and the OTP button', () => {
    const vars = variablesOf(template({ body: {}, buttons: [{ type: 'OTP' }] }, 'AUTHENTICATION'));
    expect(vars.body.map((v) => v.key)).toEqual(['body.1']);
    expect(vars.buttons).toEqual([
      { key: 'buttons.0', component: 'button', buttonIndex: 0, name: 'otp', type: 'otp', example: null },
    ]);
  });
});

describe('variable tokens', () => {
  it('classifies names', () => {
    expect(['1', '12', 'first_name', 'First', ' 1 ', '', 'a-b'].map(kindOf)).toEqual([
      'positional',
      'positional',
      'named',
      'invalid',
      'invalid',
      'invalid',
      'invalid',
    ]);
    expect(tokensIn('a {{1}} b {{x}}')).toEqual([
      { name: '1', at: 2 },
      { name: 'x', at: 10 },
    ]);
    expect(orderedNames('{{3}} {{1}} {{2}} {{1}}')).toEqual(['1', '2', '3']);
  });

  it('reads a URL example as a full URL or as the suffix', () => {
    expect(urlSuffixExample('https://x.example.com/t/{{1}}', 'https://x.example.com/t/A-42')).toBe('A-42');
    expect(urlSuffixExample('https://x.example.com/t/{{1}}', 'A-42')).toBe('A-42');
    expect(urlSuffixExample('https://x.example.com/t/{{1}}', undefined)).toBeNull();
  });
});
