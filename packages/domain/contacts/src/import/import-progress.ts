/**
 * Live progress of one import: counters kept in memory and written to its contact_imports row
 * at most every 500 ms (one write at a time), so subscribers on any api replica see it.
 */
import type { EntityManager } from '@dbulk/db';

export const MAX_REPORTED_ERRORS = 1000;
export const PROGRESS_INTERVAL_MS = 500;

export interface RejectedRow {
  line: number;
  reason: string;
  value?: string;
}

export class ImportProgress {
  rowsRead = 0;
  bytesRead = 0;
  rejected = 0;
  readonly errors: RejectedRow[] = [];
  private errorsWritten = -1;
  private lastWrite = 0;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly em: EntityManager,
    private readonly importId: string,
  ) {}

  reject(row: RejectedRow): void {
    this.rejected++;
    if (this.errors.length < MAX_REPORTED_ERRORS) this.errors.push(row);
  }

  /** Writes when the interval has passed; never blocks the caller on the database. */
  tick(): void {
    const now = Date.now();
    if (now - this.lastWrite < PROGRESS_INTERVAL_MS) return;
    this.lastWrite = now;
    this.writing = this.writing.then(() => this.write()).catch(() => undefined);
  }

  /** Waits for the writes in flight. */
  async settled(): Promise<void> {
    await this.writing;
  }

  /** Waits for the writes in flight, then writes the current counters once more. */
  async flush(): Promise<void> {
    await this.writing;
    await this.write();
  }

  private async write(): Promise<void> {
    const errors = this.errors.length === this.errorsWritten ? null : JSON.stringify(this.errors);
    this.errorsWritten = this.errors.length;
    await this.em.execute(
      `update contact_imports set rows_read = ?, bytes_read = ?, rejected = ?, errors = coalesce(?::jsonb, errors), updated_at = now() where id = ? and status = 'RUNNING'`,
      [this.rowsRead, this.bytesRead, this.rejected, errors, this.importId],
    );
  }
}
