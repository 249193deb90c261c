/** The keywords textarea: one keyword per line (or comma-separated), trimmed, duplicates (ignoring case) dropped. */
export function parseKeywords(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(/[\n,]/)) {
    const keyword = raw.trim().replace(/\s+/g, ' ');
    const key = keyword.toLocaleUpperCase();
    if (!keyword || seen.has(key)) continue;
    seen.add(key);
    out.push(keyword);
  }
  return out;
}

export const formatKeywords = (keywords: string[]) => keywords.join('\n');

/** Owners and admins change the keywords; everyone else reads them. */
export const canEditOptOuts = (role: string) => role === 'owner' || role === 'admin';
