/**
 * Sends a CSV file to POST /uploads/contacts as the request body: the browser streams the File
 * from disk, so a 100 MB file is never read into memory here. The answer is the finished import.
 */
import type { RouterOutputs } from '../../../lib/trpc';

export type ContactImport = RouterOutputs['imports']['byId'];

export interface ColumnMapping {
  phone: string;
  name: string;
  tags: string;
  attributes: string[];
}

export interface UploadOptions {
  importId: string;
  listId: string | null;
  mapping: ColumnMapping;
}

export async function uploadContacts(file: File, options: UploadOptions): Promise<ContactImport> {
  const mapping = {
    phone: options.mapping.phone || null,
    name: options.mapping.name || null,
    tags: options.mapping.tags || null,
    attributes: options.mapping.attributes,
  };
  const query = new URLSearchParams({
    fileName: file.name,
    importId: options.importId,
    mapping: JSON.stringify(mapping),
  });
  if (options.listId) query.set('listId', options.listId);
  const response = await fetch(`/uploads/contacts?${query.toString()}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: file,
    credentials: 'same-origin',
  });
  const body = (await response.json().catch(() => null)) as
    (ContactImport & { error?: { message?: string } }) | null;
  if (!response.ok || !body || body.error)
    throw new Error(body?.error?.message ?? `the upload failed (HTTP ${response.status})`);
  return body;
}
