/**
 * Reading imports: the recent ones, one by id, and a live feed of one import's progress.
 * The feed polls the contact_imports row every 500 ms rather than listening in-process, so it
 * works whichever api replica runs the import (the row is the only shared state).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { ContactImport, type EntityManager } from '@dbulk/db';
import { toImportDto, type ContactImportDto } from '../contacts.dto';
import { ContactErrors } from '../contacts.errors';
import { PROGRESS_INTERVAL_MS } from './import-progress';

export async function listImports(
  em: EntityManager,
  tenantId: string,
  limit: number,
): Promise<ContactImportDto[]> {
  const rows = await em.find(
    ContactImport,
    { tenant: tenantId },
    { orderBy: { createdAt: 'desc', id: 'desc' }, limit },
  );
  return rows.map((row) => toImportDto(row));
}

export async function importById(
  em: EntityManager,
  tenantId: string,
  importId: string,
): Promise<ContactImportDto> {
  const row = await em.fork().findOne(ContactImport, { id: importId, tenant: tenantId });
  if (!row) throw ContactErrors.importNotFound(importId);
  return toImportDto(row);
}

export interface WatchOptions {
  signal?: AbortSignal;
  /** How long to wait for an import the client named before its upload reached a server. */
  appearWithinMs?: number;
  intervalMs?: number;
}

/** Yields the import whenever it changed, and ends after it finished. */
export async function* watchImport(
  em: EntityManager,
  tenantId: string,
  importId: string,
  options: WatchOptions = {},
): AsyncGenerator<ContactImportDto> {
  const { signal, appearWithinMs = 10_000, intervalMs = PROGRESS_INTERVAL_MS } = options;
  const deadline = Date.now() + appearWithinMs;
  let last = '';
  while (!signal?.aborted) {
    const row = await em.fork().findOne(ContactImport, { id: importId, tenant: tenantId });
    if (!row && Date.now() > deadline) throw ContactErrors.importNotFound(importId);
    if (row) {
      const dto = toImportDto(row);
      const version = `${dto.status}:${dto.updatedAt}:${dto.rowsRead}:${dto.bytesRead}`;
      if (version !== last) {
        last = version;
        yield dto;
      }
      if (dto.status !== 'RUNNING') return;
    }
    await sleep(intervalMs, undefined, { signal }).catch(() => undefined);
  }
}
