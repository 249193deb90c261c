import { describe, expect, it } from 'vitest';
import { csvLines, keysetCsv } from './keyset-csv';

const cell = (value: unknown) => csvLines([[value]]).replace(/\r\n$/, '');

describe('csvLines', () => {
  it('quotes by RFC 4180 and ends lines with CRLF', () => {
    expect(csvLines([['a', 'b'], ['c', 'd']])).toBe('a,b\r\nc,d\r\n');
    expect(cell('plain')).toBe('plain');
    expect(cell('a,b')).toBe('"a,b"');
    expect(cell('say "hi"')).toBe('"say ""hi"""');
    expect(cell('two\nlines')).toBe('"two\nlines"');
  });

  it('writes empty cells for null and undefined, words for booleans, ISO for dates', () => {
    expect(csvLines([[null, undefined, false, true, 3, new Date('2026-11-26T01:00:00Z')]])).toBe(',,false,true,3,2026-11-26T01:00:00.000Z\r\n');
  });

  it('defuses spreadsheet formulas but keeps phone numbers and signed amounts', () => {
    expect(cell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(cell('@cmd')).toBe("'@cmd");
    expect(cell('-cmd')).toBe("'-cmd");
    expect(cell('+4915112345678')).toBe('+4915112345678');
    expect(cell('-3.250000')).toBe('-3.250000');
  });
});

describe('keysetCsv', () => {
  const rows = Array.from({ length: 7 }, (_, i) => ({ id: String(i + 1), name: `n${i + 1}` }));
  const collect = async (gen: AsyncIterable<string>) => {
    const chunks: string[] = [];
    for await (const chunk of gen) chunks.push(chunk);
    return chunks;
  };

  it('yields the header, then a chunk per page, each page after the last key of the previous one', async () => {
    const asked: (string | undefined)[] = [];
    const chunks = await collect(
      keysetCsv({
        header: ['id', 'name'],
        pageSize: 3,
        fetch: async (after) => {
          asked.push(after);
          return rows.filter((r) => after === undefined || Number(r.id) > Number(after)).slice(0, 4);
        },
        keyOf: (r) => r.id,
        cells: (r) => [r.id, r.name],
      }),
    );
    expect(asked).toEqual([undefined, '3', '6']);
    expect(chunks).toEqual(['id,name\r\n', '1,n1\r\n2,n2\r\n3,n3\r\n', '4,n4\r\n5,n5\r\n6,n6\r\n', '7,n7\r\n']);
  });

  it('stops after an exactly full last page and writes only the header when there is nothing', async () => {
    const exact = await collect(keysetCsv({ header: ['id'], pageSize: 7, fetch: async (after) => (after ? [] : rows), keyOf: (r) => r.id, cells: (r) => [r.id] }));
    expect(exact).toHaveLength(2);
    const none = await collect(keysetCsv({ header: ['id'], pageSize: 7, fetch: async () => [], keyOf: (r: { id: string }) => r.id, cells: (r) => [r.id] }));
    expect(none).toEqual(['id\r\n']);
  });
});
