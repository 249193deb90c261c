/**
 * What clients see of contacts, lists and imports: plain JSON, dates as ISO strings.
 */
import type { ContactImport, ContactImportStatus } from '@dbulk/db';
import type { RejectedRow } from './import/import-progress';

export interface ContactDto {
  id: string;
  phone: string;
  name: string | null;
  attributes: Record<string, string>;
  tags: string[];
  optInSource: string | null;
  optedOutAt: string | null;
  /** Active suppression scopes for the phone (`all`, `marketing`); opted-out contacts count as `all`. */
  suppressions: string[];
  listIds: string[];
  createdAt: string;
  updatedAt: string;
}

export interface ContactListDto {
  id: string;
  name: string;
  description: string | null;
  members: number;
  createdAt: string;
}

export interface ContactImportDto {
  id: string;
  fileName: string;
  listId: string | null;
  status: ContactImportStatus;
  rowsRead: number;
  bytesRead: number;
  bytesTotal: number | null;
  created: number;
  updated: number;
  duplicates: number;
  rejected: number;
  errors: RejectedRow[];
  errorMessage: string | null;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

/** A RUNNING import whose row has not moved for this long lost its process (crash, redeploy). */
export const STALE_IMPORT_MS = 2 * 60_000;

export function toImportDto(row: ContactImport, now = Date.now()): ContactImportDto {
  const stale = row.status === 'RUNNING' && now - row.updatedAt.getTime() > STALE_IMPORT_MS;
  return {
    id: row.id,
    fileName: row.fileName,
    listId: row.list?.id ?? null,
    status: stale ? 'FAILED' : row.status,
    rowsRead: row.rowsRead,
    bytesRead: Number(row.bytesRead),
    bytesTotal: row.bytesTotal == null ? null : Number(row.bytesTotal),
    created: row.created,
    updated: row.updated,
    duplicates: row.duplicates,
    rejected: row.rejected,
    errors: row.errors,
    errorMessage: stale
      ? 'the import stopped without finishing (its server went away); upload the file again'
      : (row.errorMessage ?? null),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
