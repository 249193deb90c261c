import { describe, expect, it } from 'vitest';
import { resolveColumns } from './columns';
import { splitTags, toContactRow } from './contact-row';
import { arrayLiteral, copyLine } from './copy-text';

const columns = resolveColumns(['phone', 'name', 'tags', 'city']);

describe('toContactRow', () => {
  it('normalises the phone in the default country and collects name, tags and attributes', () => {
    expect(toContactRow(['0151 12345678', ' Ana ', 'vip| new ,vip', 'Köln'], columns, 'DE')).toEqual({
      ok: true,
      row: { phone: '+4915112345678', name: 'Ana', tags: ['vip', 'new'], attributes: { city: 'Köln' } },
    });
  });

  it('leaves out empty cells so an import never blanks an attribute', () => {
    expect(toContactRow(['+4915112345678', '', '', ''], columns, 'DE')).toEqual({
      ok: true,
      row: { phone: '+4915112345678', name: null, tags: [], attributes: {} },
    });
  });

  it('rejects a row without a phone value, or with an invalid one, with the value', () => {
    expect(toContactRow([], columns, 'DE')).toMatchObject({
      ok: false,
      reason: 'the row has no value in the phone column',
    });
    expect(toContactRow(['n/a', 'Bo'], columns, 'DE')).toMatchObject({
      ok: false,
      value: 'n/a',
      reason: expect.stringContaining('characters'),
    });
    expect(toContactRow(['12', 'Bo'], columns, 'DE')).toMatchObject({ ok: false, value: '12' });
  });
});

describe('splitTags', () => {
  it('splits on | , ; and drops blanks, duplicates and control characters', () => {
    expect(splitTags(' a |b;c,, a |\u001fd')).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('copyLine', () => {
  it('escapes tabs, newlines and backslashes and quotes array elements', () => {
    const line = copyLine(7, {
      phone: '+1',
      name: 'A\tB\\C\nD',
      tags: ['x,y', 'q"z'],
      attributes: { note: 'a\\b' },
    });
    expect(line).toBe('7\t+1\tA\\tB\\\\C\\nD\t{"x,y","q\\\\"z"}\t{"note":"a\\\\\\\\b"}\n');
  });

  it('writes null names as \\N', () => {
    expect(copyLine(2, { phone: '+1', name: null, tags: [], attributes: {} })).toBe('2\t+1\t\\N\t{}\t{}\n');
    expect(arrayLiteral(['a b'])).toBe('{"a b"}');
  });
});
