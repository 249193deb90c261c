/**
 * The add/edit form's text fields ↔ the api's shapes: tags as one comma-separated line,
 * attributes as `key = value` lines.
 */
export interface ContactFormValues {
  phone: string;
  name: string;
  tags: string;
  attributes: string;
}

export function toFormValues(contact?: {
  phone: string;
  name: string | null;
  tags: string[];
  attributes: Record<string, string>;
}): ContactFormValues {
  return {
    phone: contact?.phone ?? '',
    name: contact?.name ?? '',
    tags: contact?.tags.join(', ') ?? '',
    attributes: Object.entries(contact?.attributes ?? {})
      .map(([key, value]) => `${key} = ${value}`)
      .join('\n'),
  };
}

export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,;|]/)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}

/** `city = Bonn` lines; a line without `=` is an error naming it. */
export function parseAttributes(text: string): { attributes: Record<string, string>; error?: string } {
  const attributes: Record<string, string> = {};
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (!line.trim()) continue;
    const at = line.indexOf('=');
    if (at <= 0) return { attributes, error: `line ${index + 1} needs the form key = value` };
    attributes[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return { attributes };
}
