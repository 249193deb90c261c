import { describe, expect, it } from 'vitest';
import { GraphError } from '../graph/errors';
import { helloWorld } from '../services/hello-world';
import { checkSendParameters } from './template-params';
import type { Template } from './templates';

const template = (components: Template['components'], parameterFormat: Template['parameterFormat'] = 'POSITIONAL'): Template => ({
  ...helloWorld('1', 'w', 0),
  name: 'order_update',
  parameterFormat,
  components,
});
const text = (value: string, name?: string) => ({ type: 'text', text: value, ...(name ? { parameter_name: name } : {}) });

function codeOf(fn: () => unknown) {
  try {
    fn();
  } catch (err) {
    if (err instanceof GraphError) return err.toBody('t').error;
    throw err;
  }
  throw new Error('expected a GraphError');
}

describe('checkSendParameters', () => {
  const positional = template([{ type: 'BODY', text: 'Hi {{1}}, order {{2}} shipped.' }]);

  it('hydrates the body from positional parameters', () => {
    expect(checkSendParameters(positional, [{ type: 'body', parameters: [text('Ana'), text('42')] }])).toBe('Hi Ana, order 42 shipped.');
  });

  it('answers 132000 naming the counts when parameters are missing', () => {
    expect(codeOf(() => checkSendParameters(positional, [{ type: 'body', parameters: [text('Ana')] }]))).toMatchObject({
      code: 132000,
      error_data: { details: 'body: number of localizable_params (1) does not match the expected number of params (2)' },
    });
    expect(codeOf(() => checkSendParameters(positional, undefined)).code).toBe(132000);
  });

  it('accepts hello_world with no components and refuses stray parameters', () => {
    const hello = helloWorld('1', 'w', 0);
    expect(checkSendParameters(hello, undefined)).toMatch(/^Welcome and congratulations/);
    expect(codeOf(() => checkSendParameters(hello, [{ type: 'body', parameters: [text('x')] }])).code).toBe(132000);
  });

  it('matches named parameters by name', () => {
    const named = template([{ type: 'BODY', text: 'Hi {{first_name}}, code {{code}}.' }], 'NAMED');
    expect(checkSendParameters(named, [{ type: 'body', parameters: [text('7', 'code'), text('Ana', 'first_name')] }])).toBe('Hi Ana, code 7.');
    expect(codeOf(() => checkSendParameters(named, [{ type: 'body', parameters: [text('7', 'code'), text('Ana', 'name')] }])).code).toBe(132000);
  });

  it('refuses new lines and runs of spaces in a parameter', () => {
    expect(codeOf(() => checkSendParameters(positional, [{ type: 'body', parameters: [text('Ana\nB'), text('42')] }]))).toMatchObject({ code: 100 });
  });

  it('answers 132012 when a media header gets the wrong parameter', () => {
    const media = template([{ type: 'HEADER', format: 'IMAGE' }, { type: 'BODY', text: 'Hello there.' }]);
    expect(checkSendParameters(media, [{ type: 'header', parameters: [{ type: 'image', image: { link: 'https://x/y.png' } }] }])).toBe('Hello there.');
    expect(codeOf(() => checkSendParameters(media, [{ type: 'header', parameters: [{ type: 'video', video: { id: '1' } }] }])).code).toBe(132012);
  });

  it('requires the parameter of a URL button with a variable', () => {
    const button = template([
      { type: 'BODY', text: 'Track it here.' },
      { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Track', url: 'https://x.test/t/{{1}}' }] },
    ]);
    expect(codeOf(() => checkSendParameters(button, [])).code).toBe(132000);
    expect(checkSendParameters(button, [{ type: 'button', sub_type: 'url', index: '0', parameters: [text('abc')] }])).toBe('Track it here.');
  });

  it('answers 132005 when the hydrated body is too long', () => {
    expect(codeOf(() => checkSendParameters(positional, [{ type: 'body', parameters: [text('a'.repeat(1000)), text('b'.repeat(100))] }])).code).toBe(132005);
  });
});
