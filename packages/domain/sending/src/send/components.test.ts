import { describe, expect, it } from 'vitest';
import { buildComponents } from './components';

describe('buildComponents', () => {
  it('builds positional header, body and URL button parameters in Meta order', () => {
    const template = {
      category: 'MARKETING' as const,
      parameterFormat: 'POSITIONAL' as const,
      components: {
        header: { format: 'TEXT' as const, text: 'Hi {{1}}' },
        body: { text: 'Your order {{2}} ships {{1}}' },
        buttons: [{ type: 'QUICK_REPLY' as const, text: 'Stop' }, { type: 'URL' as const, text: 'Track', url: 'https://x.test/t/{{1}}' }],
      },
    };
    const values = { 'header.1': 'Ana', 'body.1': 'today', 'body.2': 'A-7', 'buttons.1': 'A-7' };
    expect(buildComponents(template, values)).toEqual([
      { type: 'header', parameters: [{ type: 'text', text: 'Ana' }] },
      { type: 'body', parameters: [{ type: 'text', text: 'today' }, { type: 'text', text: 'A-7' }] },
      { type: 'button', sub_type: 'url', index: '1', parameters: [{ type: 'text', text: 'A-7' }] },
    ]);
  });

  it('names parameters of NAMED templates and reads image headers and copy-code buttons', () => {
    const template = {
      category: 'MARKETING' as const,
      parameterFormat: 'NAMED' as const,
      components: {
        header: { format: 'IMAGE' as const, mediaExample: 'https://x.test/a.png' },
        body: { text: 'Hello {{first_name}}, code {{code}}' },
        buttons: [{ type: 'COPY_CODE' as const, example: 'SAVE10' }],
      },
    };
    const values = { 'header.image': 'https://cdn.test/p.png', 'body.first_name': 'Bo', 'body.code': 'C1', 'button.0': 'SAVE20' };
    expect(buildComponents(template, values)).toEqual([
      { type: 'header', parameters: [{ type: 'image', image: { link: 'https://cdn.test/p.png' } }] },
      { type: 'body', parameters: [{ type: 'text', text: 'Bo', parameter_name: 'first_name' }, { type: 'text', text: 'C1', parameter_name: 'code' }] },
      { type: 'button', sub_type: 'copy_code', index: '0', parameters: [{ type: 'coupon_code', coupon_code: 'SAVE20' }] },
    ]);
  });

  it('sends no components for a template without variables', () => {
    expect(buildComponents({ category: 'UTILITY', parameterFormat: 'POSITIONAL', components: { body: { text: 'Hello world' } } }, {})).toEqual([]);
  });
});
