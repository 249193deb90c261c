/**
 * The CSV dialects an import accepts: UTF-8 with or without BOM, comma or semicolon (Excel in
 * much of Europe writes `;`), fields quoted with `"`. The delimiter is read from the header line.
 */
export type Delimiter = ',' | ';';

/** The delimiter the header line uses most outside quotes; comma when it has neither. */
export function detectDelimiter(headerLine: string): Delimiter {
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

/** Header names compared without case, surrounding spaces or a BOM. */
export function headerKey(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();
}

/** The header line of a file's first bytes, or null while no line break has arrived. */
export function firstLine(buffer: Buffer, final: boolean): string | null {
  const end = buffer.indexOf(10);
  if (end === -1) return final || buffer.length > 65_536 ? buffer.toString('utf8') : null;
  return buffer.subarray(0, end).toString('utf8');
}
