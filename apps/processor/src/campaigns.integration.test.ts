/**
 * The processor's campaign side, through real Kafka and PostgreSQL: status webhooks move
 * campaign messages (counters equal a recount, progress on dbulk.events), parked statuses and
 * ambiguous sends resolve, typed STOP and 131050 feed the one suppression model, and a template
 * Meta pauses pauses its campaigns with a dbulk.control record.
 */
import { randomInt } from 'node:crypto';
import { applyParkedStatuses, callbackDataFor, preflightCampaign, suppressedPhones } from '@dbulk/domain-campaigns';
import { countersVsRecount, createWorld, createWorldCampaign, deleteWorlds, envelope, inbound, messagesValue, status, type TestWorld } from '@dbulk/domain-webhooks/testing';
import { waitFor } from '@dbulk/kafka/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Processor } from './processor';
import { createStack, deliver, readTopic, sql, startProcessor, type Stack } from './test/harness';

let stack: Stack;
let processor: Processor;
let query: ReturnType<typeof sql>;
let events: Awaited<ReturnType<typeof readTopic<'dbulk.events'>>>;
let controls: Awaited<ReturnType<typeof readTopic<'dbulk.control'>>>;
const worlds: TestWorld[] = [];

beforeAll(async () => {
  stack = await createStack('campaigns');
  query = sql(stack);
  processor = await startProcessor(stack);
  events = await readTopic(stack, 'dbulk.events');
  controls = await readTopic(stack, 'dbulk.control');
});

afterAll(async () => {
  await events.close();
  await controls.close();
  for (const closer of processor.closers()) await closer.close();
  await deleteWorlds(stack.orm.em, worlds);
  await stack.close();
});

async function world() {
  const w = await createWorld(stack.orm.em);
  worlds.push(w);
  return w;
}

const T0 = 1_767_264_000;
const statusBody = (w: TestWorld, statuses: unknown[]) => envelope(w.wabaId, [messagesValue(w.phoneNumberId, { statuses })]);
const send = (w: TestWorld, bodies: string[]) => deliver(stack, bodies.map((body) => ({ body, key: w.phoneNumberId })));
const one = async <T>(q: string, params: unknown[]) => (await query<T>(q, params))[0]!;
const messageRows = (campaignId: string) =>
  query<{ id: string; status: string; wamid: string | null; sent: number | null; delivered: number | null; read: number | null; failed: number | null; error_code: number | null; needs_review: boolean; reason: string | null }>(
    `select id::text, status, wamid, extract(epoch from sent_at)::int - ${T0} as sent, extract(epoch from delivered_at)::int - ${T0} as delivered,
       extract(epoch from read_at)::int - ${T0} as read, extract(epoch from failed_at)::int - ${T0} as failed, error_code, needs_review, reason
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

describe('status webhooks move campaign messages', () => {
  it('ends shuffled and redelivered statuses in the right status with every timestamp, counters equal a recount, progress published', async () => {
    const w = await world();
    const n = 30;
    const c = await createWorldCampaign(stack.orm.em, w, Array.from({ length: n }, (_, i) => ({ status: 'ACCEPTED', wamid: `wamid.${w.wamidTag}.m${i}` })));
    const all = Array.from({ length: n }, (_, i) => {
      const wamid = `wamid.${w.wamidTag}.m${i}`;
      const kind = i % 4; // 0 sent; 1 sent+delivered; 2 sent+delivered+read; 3 sent+failed
      const list = [status(wamid, 'sent', T0 + 10)];
      if (kind === 1 || kind === 2) list.push(status(wamid, 'delivered', T0 + 20));
      if (kind === 2) list.push(status(wamid, 'read', T0 + 30));
      if (kind === 3) list.push(status(wamid, 'failed', T0 + 40, { errors: [{ code: 131026, title: 'Message undeliverable' }] }));
      return list;
    }).flat();
    const shuffled = shuffle(all);
    const bodies: string[] = [];
    for (let i = 0; i < shuffled.length; i += 6) bodies.push(statusBody(w, shuffled.slice(i, i + 6)));
    // Meta redelivers: whole bodies again, and single statuses inside other bodies.
    await send(w, shuffle([...bodies, ...bodies.slice(0, 2), statusBody(w, shuffle(all).slice(0, 5))]));

    await waitFor(async () => (await one<{ n: number }>(`select count(*)::int as n from message_events where tenant_id = ? and applied_at is not null`, [w.tenantId])).n === all.length, { what: 'all statuses applied', timeoutMs: 20_000 });
    const rows = await messageRows(c.campaignId);
    expect(rows).toHaveLength(n);
    rows.forEach((m) => {
      const kind = Number(m.wamid!.split('.m')[1]) % 4;
      expect(m).toMatchObject({
        status: ['SENT', 'DELIVERED', 'READ', 'FAILED'][kind],
        sent: 10,
        delivered: kind === 1 || kind === 2 ? 20 : null,
        read: kind === 2 ? 30 : null,
        failed: kind === 3 ? 40 : null,
        error_code: kind === 3 ? 131026 : null,
      });
    });
    const { stored, recount } = await countersVsRecount(stack.orm.em, c.campaignId);
    expect(stored).toEqual(recount);

    const last = await waitFor(() => {
      const mine = events.records.filter((r) => r.value.type === 'campaign.progress' && r.value.data.campaignId === c.campaignId);
      const latest = mine.at(-1);
      const counters = latest?.value.data.counters as Record<string, number> | undefined;
      const final = counters && ['accepted', 'sent', 'delivered', 'read', 'failed'].every((k) => counters[k] === recount[k]);
      return final ? latest : undefined;
    }, { what: 'a progress snapshot with the final counters', timeoutMs: 10_000 });
    expect(last.key).toBe(w.tenantId);
    expect(last.value).toMatchObject({ tenantId: w.tenantId, data: { campaignId: c.campaignId, status: 'RUNNING', statusReason: null, counters: { total: n, sent: recount.sent, delivered: recount.delivered, read: recount.read, failed: recount.failed } } });
  });

  it('parks a status whose wamid is not known yet and applies it once the sender stores the wamid', async () => {
    const w = await world();
    const c = await createWorldCampaign(stack.orm.em, w, [{ status: 'SENDING' }]);
    const wamid = `wamid.${w.wamidTag}.late`;
    await send(w, [statusBody(w, [status(wamid, 'delivered', T0 + 20)])]);
    const parked = await waitFor(() => query<{ applied_at: Date | null }>(`select applied_at from message_events where wamid = ?`, [wamid]).then((r) => r[0]), { what: 'the parked status' });
    expect(parked.applied_at).toBeNull();
    expect((await messageRows(c.campaignId))[0]).toMatchObject({ status: 'SENDING', wamid: null });

    // What the sender does on Meta's answer: ACCEPTED with the wamid (counters with it), then the parked statuses.
    await stack.orm.em.fork().transactional(async (tx) => {
      await tx.execute(`update campaign_messages set status = 'ACCEPTED', wamid = ?, accepted_at = now() where id = ?`, [wamid, c.messageIds[0]], 'run');
      await tx.execute(`update campaigns set sending = sending - 1, accepted = accepted + 1 where id = ?`, [c.campaignId], 'run');
      await applyParkedStatuses(tx, [wamid]);
    });
    expect((await messageRows(c.campaignId))[0]).toMatchObject({ status: 'DELIVERED', wamid, delivered: 20 });
    const { stored, recount } = await countersVsRecount(stack.orm.em, c.campaignId);
    expect(stored).toEqual(recount);
  });

  it('applies a parked status by the sweep when the wamid became known without applyParkedStatuses (the race)', async () => {
    const w = await world();
    const c = await createWorldCampaign(stack.orm.em, w, [{ status: 'SENDING' }]);
    const wamid = `wamid.${w.wamidTag}.race`;
    await send(w, [statusBody(w, [status(wamid, 'read', T0 + 30)])]);
    await waitFor(() => query(`select 1 from message_events where wamid = ?`, [wamid]).then((r) => r[0]), { what: 'the parked status' });
    // The sender's write of the wamid, whose own applyParkedStatuses ran before the webhook committed.
    await stack.orm.em.fork().transactional(async (tx) => {
      await tx.execute(`update campaign_messages set status = 'ACCEPTED', wamid = ?, accepted_at = now() where id = ?`, [wamid, c.messageIds[0]], 'run');
      await tx.execute(`update campaigns set sending = sending - 1, accepted = accepted + 1 where id = ?`, [c.campaignId], 'run');
    });
    // The sweep takes statuses parked for at least 5 s, every 5 s.
    await waitFor(async () => (await messageRows(c.campaignId))[0]!.status === 'READ', { what: 'the sweep', timeoutMs: 20_000, intervalMs: 250 });
    expect((await messageRows(c.campaignId))[0]).toMatchObject({ wamid, read: 30 });
    const { stored, recount } = await countersVsRecount(stack.orm.em, c.campaignId);
    expect(stored).toEqual(recount);
  });

  it('resolves an ambiguous send when its status arrives with the callback data', async () => {
    const w = await world();
    const c = await createWorldCampaign(stack.orm.em, w, [{ status: 'FAILED', reason: 'ambiguous', needsReview: true }]);
    const wamid = `wamid.${w.wamidTag}.ambiguous`;
    await send(w, [statusBody(w, [status(wamid, 'sent', T0 + 10, { biz_opaque_callback_data: callbackDataFor(c.messageIds[0]!) }), status(wamid, 'read', T0 + 30, { biz_opaque_callback_data: callbackDataFor(c.messageIds[0]!) })])]);
    await waitFor(async () => (await messageRows(c.campaignId))[0]!.wamid === wamid, { what: 'the wamid attached' });
    expect((await messageRows(c.campaignId))[0]).toMatchObject({ status: 'READ', sent: 10, read: 30, failed: null, needs_review: false, reason: null });
    const { stored, recount } = await countersVsRecount(stack.orm.em, c.campaignId);
    expect(stored).toEqual({ ...recount, failed: 0, read: 1 });
  });
});

describe('opt-outs feed the one suppression model', () => {
  const suppressions = (w: TestWorld) =>
    query<{ phone: string; scope: string; source: string; lifted: boolean }>(`select phone, scope, source, lifted_at is not null as lifted from suppressions where tenant_id = ? order by occurred_at`, [w.tenantId]);

  it('suppresses a typed STOP (any language, any case), opts the contact out, and lifts it on START', async () => {
    const w = await world();
    const phone = '+15550123001';
    await query(`insert into contacts (id, created_at, updated_at, tenant_id, phone) values (gen_random_uuid(), now(), now(), ?, ?)`, [w.tenantId, phone]);
    const text = (body: string, ts: number, from = phone.slice(1)) => envelope(w.wabaId, [messagesValue(w.phoneNumberId, inbound(from, `wamid.${w.wamidTag}.in${ts}`, ts, { type: 'text', text: { body } }))]);
    await send(w, [text('  Stop! ', T0 + 100), text('Désabonner', T0 + 101, '15550123002'), text('stop sending me these please', T0 + 102, '15550123003')]);
    await waitFor(async () => (await suppressions(w)).length >= 2, { what: 'two suppressions' });
    expect(await suppressions(w)).toEqual([
      { phone, scope: 'all', source: 'keyword', lifted: false },
      { phone: '+15550123002', scope: 'all', source: 'keyword', lifted: false },
    ]);
    expect(await one(`select opted_out_at is not null as out from contacts where tenant_id = ? and phone = ?`, [w.tenantId, phone])).toEqual({ out: true });
    // The predicate preflight and the sender use: suppressed for every category.
    expect(await suppressedPhones(stack.orm.em.fork(), w.tenantId, 'UTILITY', [phone, '+15550123002', '+15550123003'])).toEqual(new Set([phone, '+15550123002']));

    // The next campaign's preflight skips them: a list with the opted-out contact and another one.
    const other = '+15550123009';
    await query(`insert into contacts (id, created_at, updated_at, tenant_id, phone) values (gen_random_uuid(), now(), now(), ?, ?)`, [w.tenantId, other]);
    const [list] = await query<{ id: string }>(`insert into contact_lists (id, created_at, updated_at, tenant_id, name) values (gen_random_uuid(), now(), now(), ?, 'stop test') returning id`, [w.tenantId]);
    await query(`insert into contact_list_members (list_id, contact_id, tenant_id, added_at) select ?, id, tenant_id, now() from contacts where tenant_id = ?`, [list!.id, w.tenantId]);
    const draft = await createWorldCampaign(stack.orm.em, w, [], { templateIndex: 1, status: 'DRAFT' });
    await query(`update campaigns set list_ids = ?::jsonb where id = ?`, [JSON.stringify([list!.id]), draft.campaignId]);
    const preflight = await preflightCampaign(stack.orm.em.fork(), w.tenantId, draft.campaignId);
    expect(preflight).toMatchObject({ recipients: 2, willSend: 1 });
    expect(preflight.skipped).toContainEqual({ reason: 'opted_out', count: 1 });

    await send(w, [text('START', T0 + 200)]);
    await waitFor(async () => (await suppressions(w))[0]!.lifted, { what: 'the STOP lifted' });
    expect(await one(`select opted_out_at is null as back from contacts where tenant_id = ? and phone = ?`, [w.tenantId, phone])).toEqual({ back: true });
    expect(await suppressedPhones(stack.orm.em.fork(), w.tenantId, 'MARKETING', [phone])).toEqual(new Set());
  });

  it("uses the tenant's own keywords", async () => {
    const w = await world();
    await query(`update tenants set opt_out_keywords = '["Basta ya"]'::jsonb where id = ?`, [w.tenantId]);
    const text = (body: string, from: string, ts: number) => envelope(w.wabaId, [messagesValue(w.phoneNumberId, inbound(from, `wamid.${w.wamidTag}.k${ts}`, ts, { type: 'text', text: { body } }))]);
    await send(w, [text('basta YA', '15550124001', T0 + 1), text('unsubscribe', '15550124002', T0 + 2), text('STOP', '15550124003', T0 + 3)]);
    await waitFor(async () => (await one<{ n: number }>(`select count(*)::int as n from message_events where tenant_id = ? and kind = 'inbound'`, [w.tenantId])).n === 3, { what: 'three inbound' });
    expect((await suppressions(w)).map((s) => s.phone)).toEqual(['+15550124001', '+15550124003']);
  });

  it('suppresses marketing for a recipient whose send failed with 131050', async () => {
    const w = await world();
    await send(w, [statusBody(w, [status(`wamid.${w.wamidTag}.f`, 'failed', T0 + 5, { recipient_id: '15550125001', errors: [{ code: 131050, title: 'User has stopped marketing messages' }] })])]);
    await waitFor(async () => (await suppressions(w)).length === 1, { what: 'the 131050 suppression' });
    expect(await suppressions(w)).toEqual([{ phone: '+15550125001', scope: 'marketing', source: 'meta_error', lifted: false }]);
    expect(await suppressedPhones(stack.orm.em.fork(), w.tenantId, 'MARKETING', ['+15550125001'])).toEqual(new Set(['+15550125001']));
    expect(await suppressedPhones(stack.orm.em.fork(), w.tenantId, 'UTILITY', ['+15550125001'])).toEqual(new Set());
  });
});

describe('template changes pause campaigns', () => {
  it('pauses the running and scheduled campaigns of a template Meta paused, with the reason, and tells the senders', async () => {
    const w = await world();
    await query(`update templates set status = 'APPROVED' where tenant_id = ?`, [w.tenantId]);
    const running = await createWorldCampaign(stack.orm.em, w, [{ status: 'QUEUED' }]);
    const scheduled = await createWorldCampaign(stack.orm.em, w, [], { status: 'SCHEDULED' });
    const done = await createWorldCampaign(stack.orm.em, w, [], { status: 'COMPLETED' });
    const other = await createWorldCampaign(stack.orm.em, w, [], { templateIndex: 1 });
    await send(w, [envelope(w.wabaId, [{ field: 'message_template_status_update', value: {
      event: 'PAUSED', message_template_id: Number(w.templateIds[0]), message_template_name: 'weekend_sale_v2', message_template_language: 'en_US', reason: 'NONE',
      other_info: { title: 'FIRST_PAUSE', description: 'Your template was paused for 3 hours because of low quality.' },
    } }], Math.floor(Date.now() / 1000))]);
    const state = (id: string) => one<{ status: string; status_code: string | null; status_reason: string | null }>(`select status, status_code, status_reason from campaigns where id = ?`, [id]);
    await waitFor(async () => (await state(running.campaignId)).status === 'PAUSED', { what: 'the campaign paused' });
    expect(await state(running.campaignId)).toEqual({ status: 'PAUSED', status_code: 'TEMPLATE_PAUSED', status_reason: expect.stringMatching(/^Paused: Meta paused template weekend_sale_v2 \(en_US\) for low quality \(FIRST_PAUSE — Your template was paused/) });
    expect(await state(scheduled.campaignId)).toMatchObject({ status: 'PAUSED', status_code: 'TEMPLATE_PAUSED' });
    expect((await state(done.campaignId)).status).toBe('COMPLETED');
    expect((await state(other.campaignId)).status).toBe('RUNNING');

    const paused = await waitFor(() => {
      const ids = controls.records.filter((r) => r.value.type === 'campaign' && r.value.action === 'pause').map((r) => (r.value as { campaignId: string }).campaignId);
      return ids.includes(running.campaignId) && ids.includes(scheduled.campaignId) ? ids : undefined;
    }, { what: 'control records' });
    expect(paused).not.toContain(done.campaignId);
    const progress = await waitFor(() => events.records.find((r) => r.value.data.campaignId === running.campaignId && r.value.data.status === 'PAUSED'), { what: 'a PAUSED snapshot' });
    expect(progress.value.data).toMatchObject({ statusReason: expect.stringContaining('weekend_sale_v2'), counters: { queued: 1, total: 1 } });
  });

  it('pauses the campaigns of a template Meta recategorised', async () => {
    const w = await world();
    await query(`update templates set status = 'APPROVED' where tenant_id = ?`, [w.tenantId]);
    const running = await createWorldCampaign(stack.orm.em, w, [{ status: 'PENDING' }]);
    await send(w, [envelope(w.wabaId, [{ field: 'template_category_update', value: {
      message_template_id: Number(w.templateIds[0]), message_template_name: 'weekend_sale_v2', message_template_language: 'en_US', previous_category: 'MARKETING', new_category: 'UTILITY',
    } }], Math.floor(Date.now() / 1000))]);
    await waitFor(async () => (await one<{ status: string }>(`select status from campaigns where id = ?`, [running.campaignId])).status === 'PAUSED', { what: 'the campaign paused' });
    expect(await one(`select status_code, status_reason from campaigns where id = ?`, [running.campaignId])).toEqual({
      status_code: 'TEMPLATE_RECATEGORISED',
      status_reason: expect.stringContaining('recategorised template weekend_sale_v2 (en_US) (MARKETING → UTILITY)'),
    });
  });
});
