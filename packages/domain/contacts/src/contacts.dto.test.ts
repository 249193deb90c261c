import { describe, expect, it } from 'vitest';
import type { ContactImport } from '@dbulk/db';
import { STALE_IMPORT_MS, toImportDto } from './contacts.dto';

const row = (over: Partial<ContactImport>) =>
  ({
    id: 'i1',
    fileName: 'a.csv',
    list: null,
    status: 'RUNNING',
    rowsRead: 10,
    bytesRead: 100,
    bytesTotal: 200,
    created: 0,
    updated: 0,
    duplicates: 0,
    rejected: 0,
    errors: [],
    errorMessage: null,
    createdAt: new Date('2026-01-01T00:00:00Z'),
    updatedAt: new Date('2026-01-01T00:00:00Z'),
    finishedAt: null,
    ...over,
  }) as unknown as ContactImport;

describe('toImportDto', () => {
  it('shows a running import whose row stopped moving as failed, saying why', () => {
    const at = new Date('2026-01-01T00:00:00Z').getTime();
    expect(toImportDto(row({}), at + 1_000)).toMatchObject({ status: 'RUNNING', errorMessage: null });
    expect(toImportDto(row({}), at + STALE_IMPORT_MS + 1)).toMatchObject({
      status: 'FAILED',
      errorMessage: expect.stringContaining('stopped without finishing'),
    });
  });

  it('keeps finished imports as they are and bigint counters as numbers', () => {
    const dto = toImportDto(
      row({ status: 'COMPLETED', bytesRead: '200' as never, bytesTotal: '200' as never }),
      Date.now(),
    );
    expect(dto).toMatchObject({ status: 'COMPLETED', bytesRead: 200, bytesTotal: 200 });
  });
});
