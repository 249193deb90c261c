/**
 * A live audit feed as an SSE subscription: listen first, then backfill from the database,
 * then yield each new row once, tracked by id so a reconnecting client resumes where it was.
 * @see https://trpc.io/docs/server/subscriptions#tracked
 */
import { on } from 'node:events';
import { tracked } from '@trpc/server';
import { listAudit, type AuditItem } from '@dbulk/domain-platform';
import type { Context } from '../../context';

export async function* auditStream(ctx: Context, tenantId: string, lastEventId: string | null | undefined, signal: AbortSignal | undefined) {
  const notifications = on(ctx.auditFeed, 'audit', signal ? { signal } : {});
  let last = lastEventId ?? null;
  const em = ctx.orm.em.fork();
  const drain = async function* () {
    // Without a resume point, start from "now": the latest row only marks the position.
    if (last === null) {
      const latest = await listAudit(em, { tenantId, limit: 1 });
      last = latest.items[0]?.id ?? '0';
      return;
    }
    for (;;) {
      const page = await listAudit(em, { tenantId, after: last, limit: 100 });
      for (const item of page.items) {
        last = item.id;
        yield tracked(item.id, item satisfies AuditItem);
      }
      if (page.items.length < 100) return;
    }
  };
  yield* drain();
  try {
    for await (const [event] of notifications) {
      const note = event as { tenantId: string | null; reconnected?: boolean };
      if (note.tenantId !== tenantId && !note.reconnected) continue;
      em.clear();
      yield* drain();
    }
  } catch (err) {
    if ((err as Error).name !== 'AbortError') throw err;
  }
}
