import { randomInt } from 'node:crypto';
import { createOrm, type MikroORM } from '@dbulk/db';
import { testStack } from '@dbulk/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyStatuses } from './apply-statuses';
import { callbackDataFor } from './callback-data';
import { applyParkedStatuses, sweepParkedStatuses } from './parked-statuses';
import type { StatusEvent } from './status.types';
import { countersAndRecount, createTestCampaign, deleteTestTenants } from './test-campaign';

let orm: MikroORM;
const tenants: string[] = [];

beforeAll(async () => {
  orm = await createOrm({ url: testStack().databaseUrl, poolMax: 3 });
});

afterAll(async () => {
  await deleteTestTenants(orm.em, tenants);
  await orm.close(true);
});

async function campaign(...args: Parameters<typeof createTestCampaign> extends [unknown, ...infer R] ? R : never) {
  const c = await createTestCampaign(orm.em, ...args);
  tenants.push(c.tenantId);
  return c;
}

const T0 = 1_767_264_000;
const at = (s: number) => new Date((T0 + s) * 1000).toISOString();
const ev = (tenantId: string, wamid: string, status: string, s: number, extra: Partial<StatusEvent> = {}): StatusEvent => ({
  tenantId, wamid, status, occurredAt: at(s), errorCode: null, errorTitle: null, callbackData: null, ...extra,
});

/** Records events in message_events as the processor does (parked), returning them. */
async function park(events: StatusEvent[]) {
  const em = orm.em.fork();
  for (const e of events) {
    await em.execute(
      `insert into message_events (tenant_id, wamid, kind, status, occurred_at, error_code, error_title, payload, created_at)
       values (?, ?, 'status', ?, ?, ?, ?, ?::jsonb, now()) on conflict do nothing`,
      [e.tenantId, e.wamid, e.status, e.occurredAt, e.errorCode, e.errorTitle, JSON.stringify(e.callbackData ? { biz_opaque_callback_data: e.callbackData } : {})],
      'run',
    );
  }
  return events;
}

const apply = (events: StatusEvent[]) => orm.em.fork().transactional((tx) => applyStatuses(tx, events));

const messages = (campaignId: string) =>
  orm.em.fork().execute<{ id: string; status: string; wamid: string | null; sent: string | null; delivered: string | null; read: string | null; failed: string | null; error_code: number | null; reason: string | null; needs_review: boolean }[]>(
    `select id::text, status, wamid, extract(epoch from sent_at)::int - ${T0} as sent, extract(epoch from delivered_at)::int - ${T0} as delivered,
       extract(epoch from read_at)::int - ${T0} as read, extract(epoch from failed_at)::int - ${T0} as failed, error_code, reason, needs_review
     from campaign_messages where campaign_id = ? order by id`,
    [campaignId],
  );

function shuffle<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(0, i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('applyStatuses', () => {
  it('ends shuffled, duplicated statuses in the right final status with every timestamp, counters equal to a recount', async () => {
    const n = 40;
    const c = await campaign(Array.from({ length: n }, (_, i) => ({ status: 'ACCEPTED' as const, wamid: `wamid.st${i}.${randomInt(1e9)}` })));
    const wamids = (await messages(c.campaignId)).map((m) => m.wamid!);
    // Per message i: 0 → sent; 1 → sent, delivered; 2 → sent, delivered, read; 3 → sent, failed; 4 → sent, delivered, read, failed (late failed).
    const events = wamids.flatMap((w, i) => {
      const kind = i % 5;
      const list = [ev(c.tenantId, w, 'sent', 10)];
      if (kind === 1 || kind === 2 || kind === 4) list.push(ev(c.tenantId, w, 'delivered', 20));
      if (kind === 2 || kind === 4) list.push(ev(c.tenantId, w, 'read', 30));
      if (kind === 3 || kind === 4) list.push(ev(c.tenantId, w, 'failed', 40, { errorCode: 131026, errorTitle: 'Message undeliverable' }));
      return list;
    });
    const stream = shuffle([...events, ...events.filter(() => randomInt(10) === 0)]);
    for (let i = 0; i < stream.length; i += 7) await apply(stream.slice(i, i + 7));

    const rows = await messages(c.campaignId);
    const expected = ['SENT', 'DELIVERED', 'READ', 'FAILED', 'READ'];
    rows.forEach((m, i) => {
      const kind = i % 5;
      expect(m.status).toBe(expected[kind]);
      expect(m.sent).toBe(10);
      expect(m.delivered).toBe(kind === 1 || kind === 2 || kind === 4 ? 20 : null);
      expect(m.read).toBe(kind === 2 || kind === 4 ? 30 : null);
      expect(m.failed).toBe(kind >= 3 ? 40 : null);
      expect(m.error_code).toBe(kind >= 3 ? 131026 : null);
    });
    const { stored, recount } = await countersAndRecount(orm.em, c.campaignId);
    expect(stored).toEqual(recount);
    expect(recount).toMatchObject({ sent: 8, delivered: 8, read: 16, failed: 8, accepted: 0 });
  });

  it('changes nothing when the same events are applied again', async () => {
    const c = await campaign([{ status: 'ACCEPTED', wamid: `wamid.dup.${randomInt(1e9)}` }]);
    const [m] = await messages(c.campaignId);
    const events = [ev(c.tenantId, m!.wamid!, 'delivered', 20), ev(c.tenantId, m!.wamid!, 'sent', 10)];
    const first = await apply(events);
    expect(first.progress).toEqual([expect.objectContaining({ campaignId: c.campaignId, status: 'RUNNING', counters: expect.objectContaining({ delivered: 1, accepted: 0, total: 1 }) })]);
    const before = await messages(c.campaignId);
    const again = await apply(events);
    expect(again.progress).toEqual([]);
    expect(await messages(c.campaignId)).toEqual(before);
    const { stored, recount } = await countersAndRecount(orm.em, c.campaignId);
    expect(stored).toEqual(recount);
  });

  it("never touches another tenant's message with the same wamid", async () => {
    const c = await campaign([{ status: 'ACCEPTED', wamid: `wamid.x.${randomInt(1e9)}` }]);
    const other = await campaign([{ status: 'PENDING' }]);
    const [m] = await messages(c.campaignId);
    const result = await apply([ev(other.tenantId, m!.wamid!, 'read', 30)]);
    expect(result).toEqual({ applied: 0, updated: 0, recovered: 0, progress: [] });
    expect((await messages(c.campaignId))[0]!.status).toBe('ACCEPTED');
  });

  it('parks a status whose wamid is not known yet and applies it when the sender stores the wamid', async () => {
    const c = await campaign([{ status: 'SENDING' }]);
    const wamid = `wamid.park.${randomInt(1e9)}`;
    const events = await park([ev(c.tenantId, wamid, 'delivered', 20), ev(c.tenantId, wamid, 'sent', 10)]);
    expect((await apply(events)).applied).toBe(0);
    const parked = () => orm.em.fork().execute<{ n: number }[]>(`select count(*)::int as n from message_events where wamid = ? and applied_at is null`, [wamid]);
    expect(await parked()).toEqual([{ n: 2 }]);

    // The sender stores ACCEPTED with the wamid (counters moved with it), then applies what was parked.
    const em = orm.em.fork();
    await em.execute(`update campaign_messages set status = 'ACCEPTED', wamid = ? where id = ?`, [wamid, c.messageIds[0]], 'run');
    await em.execute(`update campaigns set sending = sending - 1, accepted = accepted + 1 where id = ?`, [c.campaignId], 'run');
    const result = await orm.em.fork().transactional((tx) => applyParkedStatuses(tx, [wamid]));
    expect(result).toMatchObject({ applied: 2, updated: 1 });
    expect(await messages(c.campaignId)).toEqual([expect.objectContaining({ status: 'DELIVERED', sent: 10, delivered: 20 })]);
    expect(await parked()).toEqual([{ n: 0 }]);
    const { stored, recount } = await countersAndRecount(orm.em, c.campaignId);
    expect(stored).toEqual(recount);
  });

  it('recovers an ambiguous send from the callback data: wamid attached, review cleared, status moved', async () => {
    const c = await campaign([{ status: 'FAILED', reason: 'ambiguous', needsReview: true }, { status: 'SENDING' }, { status: 'FAILED', reason: 'ambiguous', needsReview: true }]);
    const [ambiguous, sending, other] = c.messageIds as [string, string, string];
    const w1 = `wamid.rec1.${randomInt(1e9)}`;
    const w2 = `wamid.rec2.${randomInt(1e9)}`;
    const result = await apply([
      ev(c.tenantId, w1, 'read', 30, { callbackData: callbackDataFor(ambiguous) }),
      ev(c.tenantId, w1, 'delivered', 20, { callbackData: callbackDataFor(ambiguous) }),
      ev(c.tenantId, w2, 'failed', 40, { callbackData: callbackDataFor(sending), errorCode: 131050, errorTitle: 'User stopped marketing' }),
    ]);
    expect(result).toMatchObject({ updated: 2, recovered: 2 });
    const rows = await messages(c.campaignId);
    expect(rows[0]).toMatchObject({ id: ambiguous, status: 'READ', wamid: w1, delivered: 20, read: 30, failed: null, reason: null, needs_review: false });
    expect(rows[1]).toMatchObject({ id: sending, status: 'FAILED', wamid: w2, failed: 40, error_code: 131050 });
    expect(rows[2]).toMatchObject({ id: other, status: 'FAILED', wamid: null, needs_review: true });
    const { stored, recount } = await countersAndRecount(orm.em, c.campaignId);
    expect(stored).toEqual(recount);

    // A callback naming a message that already has its wamid, or of another tenant, attaches nothing.
    const stranger = await campaign([{ status: 'PENDING' }]);
    const again = await apply([ev(stranger.tenantId, `wamid.rec3.${randomInt(1e9)}`, 'sent', 10, { callbackData: callbackDataFor(other) }), ev(c.tenantId, `wamid.rec4.${randomInt(1e9)}`, 'sent', 10, { callbackData: callbackDataFor(ambiguous) })]);
    expect(again.updated).toBe(0);
  });

  it('sweeps parked statuses whose message became known meanwhile', async () => {
    const c = await campaign([{ status: 'FAILED', reason: 'ambiguous', needsReview: true }]);
    const wamid = `wamid.sweep.${randomInt(1e9)}`;
    await park([ev(c.tenantId, wamid, 'sent', 10, { callbackData: callbackDataFor(c.messageIds[0]!) })]);
    const result = await orm.em.fork().transactional((tx) => sweepParkedStatuses(tx, { minAgeMs: 0 }));
    expect(result.recovered).toBeGreaterThanOrEqual(1);
    expect(await messages(c.campaignId)).toEqual([expect.objectContaining({ status: 'SENT', wamid, needs_review: false })]);
  });
});
