/**
 * One planner leads among replicas: the holder of a session-level advisory lock on a dedicated
 * connection (a pooled one could be handed to someone else with the lock still held). If the
 * connection drops, PostgreSQL releases the lock and another replica takes over on its next try.
 * @see https://www.postgresql.org/docs/current/functions-admin.html#FUNCTIONS-ADVISORY-LOCKS
 */
import pg from 'pg';
import type { Logger } from '@dbulk/logger';

/** The default lock key: "dbulk planner" in ASCII-ish digits, far from any other lock of ours. */
export const PLANNER_LOCK_KEY = 7_306_505_001;

export class LeaderLock {
  private client: pg.Client | null = null;
  private leader = false;

  constructor(
    private readonly connectionString: string,
    private readonly key: number,
    private readonly logger: Logger,
  ) {}

  isLeader(): boolean {
    return this.leader;
  }

  /** Tries to become (or checks it still is) the leader; never throws. */
  async acquire(): Promise<boolean> {
    try {
      if (!this.client) {
        const client = new pg.Client({
          connectionString: this.connectionString,
          application_name: 'dbulk-planner',
        });
        client.on('error', (err) => this.lost(err));
        await client.connect();
        this.client = client;
      }
      if (this.leader) {
        await this.client.query('select 1');
        return true;
      }
      const { rows } = await this.client.query<{ ok: boolean }>(
        'select pg_try_advisory_lock($1::bigint) as ok',
        [this.key],
      );
      this.leader = rows[0]?.ok === true;
      if (this.leader) this.logger.info({ key: this.key }, 'planner leadership acquired');
      return this.leader;
    } catch (err) {
      this.lost(err);
      return false;
    }
  }

  private lost(err: unknown): void {
    if (this.leader) this.logger.warn({ err }, 'planner leadership lost with its connection');
    this.leader = false;
    const client = this.client;
    this.client = null;
    client?.end().catch(() => {});
  }

  async release(): Promise<void> {
    const client = this.client;
    this.client = null;
    if (!client) return;
    try {
      if (this.leader) await client.query('select pg_advisory_unlock($1::bigint)', [this.key]);
    } catch (err) {
      this.logger.debug({ err }, 'advisory unlock failed; closing the connection releases it');
    } finally {
      this.leader = false;
      await client.end().catch(() => {});
    }
  }
}
