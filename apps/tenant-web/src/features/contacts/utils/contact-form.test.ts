import { describe, expect, it } from 'vitest';
import { parseAttributes, parseTags, toFormValues } from './contact-form';

describe('contact form values', () => {
  it('round-trips tags and attributes through text', () => {
    const values = toFormValues({
      phone: '+1',
      name: null,
      tags: ['a', 'b'],
      attributes: { city: 'Bonn', plan: 'x = y' },
    });
    expect(values).toEqual({ phone: '+1', name: '', tags: 'a, b', attributes: 'city = Bonn\nplan = x = y' });
    expect(parseTags(values.tags + ';a|c')).toEqual(['a', 'b', 'c']);
    expect(parseAttributes(values.attributes)).toEqual({ attributes: { city: 'Bonn', plan: 'x = y' } });
  });

  it('names the attribute line that has no key', () => {
    expect(parseAttributes('city = Bonn\n\nno equals').error).toBe('line 3 needs the form key = value');
  });
});
