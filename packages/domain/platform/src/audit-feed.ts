/**
 * Hears `NOTIFY dbulk_audit` on one dedicated connection and re-emits each committed audit row
 * as an `audit` event, so every api replica can push it to its SSE subscribers.
 * Reconnects with backoff; subscribers backfill from the table, so a gap loses nothing.
 * @see https://node-postgres.com/apis/client#notification
 */
import { EventEmitter } from 'node:events';
import pg from 'pg';
import { AUDIT_CHANNEL } from './audit.service';

export interface AuditFeed {
  emitter: EventEmitter;
  close(): Promise<void>;
}

export async function startAuditFeed(connectionString: string, onError: (err: Error) => void = () => {}): Promise<AuditFeed> {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  let client: pg.Client | null = null;
  let closed = false;
  let delay = 250;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString });
    next.on('notification', (msg) => {
      if (msg.channel !== AUDIT_CHANNEL || !msg.payload) return;
      try {
        emitter.emit('audit', JSON.parse(msg.payload));
      } catch (err) {
        onError(err as Error);
      }
    });
    next.on('error', (err) => {
      onError(err);
      if (!closed) setTimeout(() => void reconnect(), delay);
    });
    await next.connect();
    await next.query(`LISTEN ${AUDIT_CHANNEL}`);
    client = next;
    delay = 250;
  };

  const reconnect = async () => {
    await client?.end().catch(() => {});
    client = null;
    if (closed) return;
    try {
      await connect();
      // Wake subscribers so they backfill whatever was committed while we were away.
      emitter.emit('audit', { id: null, tenantId: null, reconnected: true });
    } catch (err) {
      onError(err as Error);
      delay = Math.min(delay * 2, 10_000);
      setTimeout(() => void reconnect(), delay);
    }
  };

  await connect();
  return {
    emitter,
    async close() {
      closed = true;
      await client?.end().catch(() => {});
    },
  };
}
