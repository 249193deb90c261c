import { describe, expect, it } from 'vitest';
import { guessMapping, parseCsvPreview } from './csv-preview';

describe('parseCsvPreview', () => {
  it('reads a semicolon file with a BOM, quotes, escaped quotes and line breaks in fields', () => {
    const preview = parseCsvPreview(
      '\uFEFFPhone;Name;Note\r\n+49 151;"Ana; M";"say ""hi""\nthere"\r\n0151 2;Bo;\r\n+49 15',
      10,
    );
    expect(preview).toEqual({
      delimiter: ';',
      header: ['Phone', 'Name', 'Note'],
      rows: [
        ['+49 151', 'Ana; M', 'say "hi"\nthere'],
        ['0151 2', 'Bo', ''],
      ],
    });
  });

  it('keeps the last record of a complete file without a final line break, and stops at maxRows', () => {
    expect(parseCsvPreview('phone,name\n1,a\n2,b\n3,c', 2, true).rows).toEqual([
      ['1', 'a'],
      ['2', 'b'],
    ]);
    expect(parseCsvPreview('phone,name\n1,a', 10, true).rows).toEqual([['1', 'a']]);
  });
});

describe('guessMapping', () => {
  it('finds the phone column by its usual names and keeps the other columns as attributes', () => {
    expect(guessMapping(['Name', 'Mobile', 'City', 'tags'])).toEqual({
      phone: 'Mobile',
      name: 'Name',
      tags: 'tags',
      attributes: ['City'],
    });
    expect(guessMapping(['who', 'where']).phone).toBe('');
  });
});
