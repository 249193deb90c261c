/**
 * The contact_imports row of one import: created when the upload starts (with the client's id
 * when it chose one), and closed with its totals, rejected rows and an audit entry.
 */
import { ContactImport, UniqueConstraintViolationException, type EntityManager } from '@dbulk/db';
import { recordAudit } from '@dbulk/domain-platform';
import type { ContactsActor } from '../contacts.actor';
import { toImportDto, type ContactImportDto } from '../contacts.dto';
import { ContactErrors } from '../contacts.errors';
import type { ImportInput } from './import-contacts';
import type { ImportProgress } from './import-progress';

export async function createImportRow(
  em: EntityManager,
  actor: ContactsActor,
  input: ImportInput,
): Promise<ContactImport> {
  const row = em.create(ContactImport, {
    ...(input.importId ? { id: input.importId } : {}),
    tenant: actor.tenantId,
    list: input.listId,
    fileName: input.fileName.slice(0, 255),
    bytesTotal: input.bytesTotal,
    createdBy: actor.userId,
  });
  try {
    await em.flush();
  } catch (err) {
    if (err instanceof UniqueConstraintViolationException)
      throw ContactErrors.importIdTaken(input.importId ?? row.id);
    throw err;
  }
  return row;
}

export interface ImportOutcome {
  status: 'COMPLETED' | 'FAILED';
  created: number;
  updated: number;
  duplicates: number;
  errorMessage?: string;
}

export async function finishImport(
  em: EntityManager,
  actor: ContactsActor,
  id: string,
  outcome: ImportOutcome,
  progress: ImportProgress,
): Promise<ContactImportDto> {
  return em.transactional(async (tx) => {
    const row = await tx.findOneOrFail(ContactImport, { id, tenant: actor.tenantId });
    tx.assign(row, {
      ...outcome,
      rowsRead: progress.rowsRead,
      bytesRead: progress.bytesRead,
      rejected: progress.rejected,
      errors: progress.errors,
      errorMessage: outcome.errorMessage ?? null,
      finishedAt: new Date(),
    });
    await tx.flush();
    const after = {
      fileName: row.fileName,
      status: row.status,
      created: row.created,
      updated: row.updated,
      duplicates: row.duplicates,
      rejected: row.rejected,
    };
    await recordAudit(tx, actor, {
      tenantId: actor.tenantId,
      action: 'contacts.imported',
      targetType: 'contact_import',
      targetId: id,
      changes: { after },
    });
    return toImportDto(row);
  });
}
