import { describe, expect, it } from 'vitest';
import { csvRecords, type CsvEvent } from './csv-records';

async function read(text: string | Buffer, chunkSize = 7): Promise<CsvEvent[]> {
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  const events: CsvEvent[] = [];
  for await (const event of csvRecords(
    (async function* () {
      yield* chunks;
    })(),
  ))
    events.push(event);
  return events;
}

describe('csvRecords', () => {
  it('reads a UTF-8 file with a BOM, in chunks that split characters', async () => {
    const events = await read(
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from('phone,name\n+4915112345678,Jürgen Müß\n'),
      ]),
      3,
    );
    expect(events).toEqual([
      { kind: 'header', fields: ['phone', 'name'], delimiter: ',' },
      { kind: 'row', line: 2, fields: ['+4915112345678', 'Jürgen Müß'] },
    ]);
  });

  it('detects a semicolon delimiter from the header line', async () => {
    const events = await read('phone;name;city\r\n0151 1234;Ana, Maria;Köln\r\n');
    expect(events[0]).toEqual({ kind: 'header', fields: ['phone', 'name', 'city'], delimiter: ';' });
    expect(events[1]).toEqual({ kind: 'row', line: 2, fields: ['0151 1234', 'Ana, Maria', 'Köln'] });
  });

  it('keeps delimiters and newlines inside quoted fields and numbers rows by their first line', async () => {
    const events = await read(
      'phone,name,note\n"+1 201, 555",Ann,"line one\nline two"\n+1 202,"Bo ""B"" Smith",x\n',
    );
    expect(events.slice(1)).toEqual([
      { kind: 'row', line: 2, fields: ['+1 201, 555', 'Ann', 'line one\nline two'] },
      { kind: 'row', line: 4, fields: ['+1 202', 'Bo "B" Smith', 'x'] },
    ]);
  });

  it('skips empty lines but keeps counting them', async () => {
    const events = await read('phone\n\n+1\n\n+2');
    expect(events.slice(1)).toEqual([
      { kind: 'row', line: 3, fields: ['+1'] },
      { kind: 'row', line: 5, fields: ['+2'] },
    ]);
  });

  it('reports a malformed record with its line and goes on', async () => {
    const events = await read('phone,name\n+1,ok\n+2,"unterminated\n');
    expect(events[1]).toEqual({ kind: 'row', line: 2, fields: ['+1', 'ok'] });
    expect(events[2]).toMatchObject({
      kind: 'bad',
      line: 3,
      reason: expect.stringContaining('Quote Not Closed'),
    });
  });

  it('reads a file that has only a header without a line break', async () => {
    expect(await read('phone;name')).toEqual([{ kind: 'header', fields: ['phone', 'name'], delimiter: ';' }]);
  });

  it('yields nothing for an empty file', async () => {
    expect(await read('')).toEqual([]);
  });
});
