/**
 * Reads the first rows of a CSV in the browser, with the server's dialect rules (BOM, `,` or `;`
 * from the header line, `"` quotes with `""` escapes and line breaks inside), so the column
 * mapping is chosen against what the import will see. Only the first bytes are read.
 */
export interface CsvPreview {
  delimiter: ',' | ';';
  header: string[];
  rows: string[][];
}

export function detectDelimiter(headerLine: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === ',') commas++;
    else if (!quoted && char === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/** Parses `text` (which may end mid-record: the last, partial record is dropped unless `complete`). */
export function parseCsvPreview(raw: string, maxRows = 10, complete = false): CsvPreview {
  const text = raw.replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(text.split('\n', 1)[0] ?? '');
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length && records.length <= maxRows; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === delimiter) {
      record.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      if (record.some((value) => value !== '')) records.push(record);
      record = [];
      field = '';
    } else field += char;
  }
  if (complete && (field !== '' || record.length > 0) && records.length <= maxRows)
    records.push([...record, field]);
  const [header = [], ...rows] = records;
  return { delimiter, header: header.map((h) => h.trim()), rows: rows.slice(0, maxRows) };
}

const PHONE_NAMES = [
  'phone',
  'phone number',
  'phone_number',
  'mobile',
  'msisdn',
  'whatsapp',
  'number',
  'tel',
  'telephone',
];

/** The mapping the server would pick on its own: a phone column by name, `name`, `tags`, the rest as attributes. */
export function guessMapping(header: string[]) {
  const lower = header.map((h) => h.toLowerCase());
  const phone = header[lower.findIndex((h) => PHONE_NAMES.includes(h))] ?? '';
  const name = header[lower.indexOf('name')] ?? '';
  const tags = header[lower.indexOf('tags')] ?? '';
  const attributes = header.filter((h) => h && h !== phone && h !== name && h !== tags);
  return { phone, name, tags, attributes };
}
