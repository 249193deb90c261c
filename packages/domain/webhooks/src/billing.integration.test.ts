/**
 * Billing through the processor's path (processWebhooks → applyStatuses → chargeDeliveries)
 * against PostgreSQL: both pricing models from Meta's fixtures, replays, rate cards changing
 * mid-month, volume tiers, markup, holds, credit exhaustion, and the ledger reconciling.
 * Test rates live in the year 2099 (market "Testland 9xx", calling code 999) or in 2025 for CBP,
 * where no other test's messages are, and are deleted afterwards.
 */
import { randomUUID } from 'node:crypto';
import { createOrm, type MikroORM } from '@dbulk/db';
import { adjustBalance, balanceOf, placeHold, releaseHolds, setCreditLimit } from '@dbulk/domain-billing';
import { testStack } from '@dbulk/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createWorldCampaign,
  envelope,
  messagesValue,
  status,
  createWorld,
  deleteWorlds,
  type TestWorld,
} from './testing/index';
import { parseWebhookInput, processWebhooks } from './webhooks.service';
import type { ParsedInput } from './webhooks.dto';

let orm: MikroORM;
const worlds: TestWorld[] = [];
const MARKET = `Testland ${randomUUID().slice(0, 6)}`;
const admin = { userId: null, email: 'billing-test@dbulk.local', ip: null };

const rows = <T>(sql: string, params: unknown[] = []) => orm.em.fork().execute<T[]>(sql, params);
const unix = (iso: string) => Math.floor(Date.parse(iso) / 1000);

async function addRate(
  category: string,
  rate: string,
  effectiveFrom: string,
  options: { model?: string; market?: string; codes?: string[]; tiers?: unknown } = {},
) {
  await orm.em.fork().execute(
    `insert into pricing_rates (id, created_at, updated_at, market, country_codes, category, currency, pricing_model, rate, tiers, effective_from)
     values (gen_random_uuid(), now(), now(), ?, ?::jsonb, ?, 'USD', ?, ?, ?::jsonb, ?)`,
    [
      options.market ?? MARKET,
      JSON.stringify(options.codes ?? ['999']),
      category,
      options.model ?? 'PMP',
      rate,
      options.tiers ? JSON.stringify(options.tiers) : null,
      effectiveFrom,
    ],
    'run',
  );
}

beforeAll(async () => {
  orm = await createOrm({ url: testStack().databaseUrl, poolMax: 4 });
  await addRate('marketing', '0.010000', '2099-03-01');
  await addRate('marketing', '0.020000', '2099-03-16');
  await addRate('utility', '0.010000', '2099-03-01', {
    tiers: [
      { fromCount: 1, rate: '0.010000' },
      { fromCount: 3, rate: '0.005000' },
    ],
  });
  await addRate('marketing', '0.030000', '2025-01-01', {
    model: 'CBP',
    market: `${MARKET} CBP`,
    codes: ['1'],
  });
});

afterAll(async () => {
  const tenants = JSON.stringify(worlds.map((w) => w.tenantId));
  await orm.em
    .fork()
    .execute(
      `delete from ledger_entries where tenant_id in (select (jsonb_array_elements_text(?::jsonb))::uuid)`,
      [tenants],
      'run',
    );
  await orm.em
    .fork()
    .execute(
      `delete from tenant_balances where tenant_id in (select (jsonb_array_elements_text(?::jsonb))::uuid)`,
      [tenants],
      'run',
    );
  await orm.em
    .fork()
    .execute(
      `delete from conversations where tenant_id in (select (jsonb_array_elements_text(?::jsonb))::uuid)`,
      [tenants],
      'run',
    );
  await orm.em
    .fork()
    .execute(
      `delete from billing_volumes where waba_id in (select jsonb_array_elements_text(?::jsonb))`,
      [JSON.stringify(worlds.map((w) => w.wabaId))],
      'run',
    );
  await orm.em.fork().execute(`delete from pricing_rates where market like ?`, [`${MARKET}%`], 'run');
  await deleteWorlds(orm.em, worlds);
  await orm.close(true);
});

async function world(settings: { markup?: string; timezone?: string } = {}) {
  const w = await createWorld(orm.em);
  worlds.push(w);
  await orm.em
    .fork()
    .execute(
      `update tenants set markup_percent = ?, timezone = ? where id = ?`,
      [settings.markup ?? '0', settings.timezone ?? 'UTC', w.tenantId],
      'run',
    );
  return w;
}

function inputs(...bodies: string[]): ParsedInput<number>[] {
  return bodies.map((body, ref) => {
    const parsed = parseWebhookInput({ ref, source: `billing@${ref}`, receivedAt: new Date(), body });
    if (!parsed.ok) throw parsed.error;
    return parsed.parsed;
  });
}

const process = (...bodies: string[]) => processWebhooks(orm.em.fork(), inputs(...bodies));
const pmp = (category = 'marketing', type = 'regular', billable = true) => ({
  pricing: { billable, pricing_model: 'PMP', type, category },
});
const statuses = (w: TestWorld, list: unknown[]) =>
  envelope(w.wabaId, [messagesValue(w.phoneNumberId, { statuses: list })]);

const ledger = (tenantId: string) =>
  rows<{
    kind: string;
    amount: string;
    meta_cost: string;
    source_ref: string;
    market: string | null;
    category: string;
    balance_after: string;
    reason: string | null;
    campaign_id: string | null;
  }>(
    `select kind, amount::text, meta_cost::text, source_ref, market, category, balance_after::text, reason, campaign_id from ledger_entries where tenant_id = ? order by id`,
    [tenantId],
  );
const campaignCost = async (campaignId: string) =>
  (
    await rows<{ actual_cost: string; estimated_cost: string | null }>(
      `select actual_cost::text, estimated_cost::text from campaigns where id = ?`,
      [campaignId],
    )
  )[0]!;

describe('charging from status webhooks', () => {
  it('charges a delivered PMP message once, whatever is replayed or duplicated (Meta fixture)', async () => {
    const w = await world({ markup: '10' });
    const wamid = `wamid.${w.wamidTag}.HBgLMTU1NTAxOTg3NjIVAgARGBJEOUM0QjVBNjE3RjI4RTkxQUMA`;
    const c = await createWorldCampaign(orm.em, w, [{ status: 'SENT', wamid, phone: '+15550198762' }]);
    const fixture = w.fixture('status-delivered-pmp.json');
    await process(fixture);
    await process(fixture); // the same delivery again
    await process(statuses(w, [status(wamid, 'read', 1767264400, pmp())])); // read carries pricing too
    await orm.em.fork().transactional((tx) => processWebhooks(tx, inputs(fixture))); // a replay
    const entries = await ledger(w.tenantId);
    // The fixture's day is 2026-01-01: before the shipped card (2026-07-01) there is no rate, so it is visible at zero.
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      kind: 'charge',
      source_ref: `pmp:${wamid}`,
      category: 'marketing',
      campaign_id: c.campaignId,
    });
  });

  it('prices each message by the card in force at its own time, in the WABA timezone, with markup', async () => {
    const w = await world({ markup: '10', timezone: 'America/New_York' });
    const times = [
      '2099-03-10T12:00:00Z',
      '2099-03-16T02:00:00Z',
      '2099-03-16T12:00:00Z',
      '2099-03-20T12:00:00Z',
    ];
    const c = await createWorldCampaign(
      orm.em,
      w,
      times.map((_, i) => ({ status: 'SENT', wamid: `wamid.${w.wamidTag}.${i}`, phone: `+99955500${i}` })),
    );
    await process(
      statuses(
        w,
        times.map((t, i) => status(`wamid.${w.wamidTag}.${i}`, 'delivered', unix(t), pmp())),
      ),
    );
    const entries = await ledger(w.tenantId);
    // 2099-03-16T02:00Z is still the 15th in New York: the old rate.
    expect(entries.map((e) => e.meta_cost)).toEqual(['-0.010000', '-0.010000', '-0.020000', '-0.020000']);
    expect(entries.map((e) => e.amount)).toEqual(['-0.011000', '-0.011000', '-0.022000', '-0.022000']);
    expect(entries.every((e) => e.market === MARKET)).toBe(true);
    expect(entries.map((e) => e.balance_after)).toEqual(['-0.011000', '-0.022000', '-0.044000', '-0.066000']);
    expect((await campaignCost(c.campaignId)).actual_cost).toBe('0.066000');
    const costs = await rows<{ cost: string }>(
      `select cost::text from campaign_messages where campaign_id = ? order by id`,
      [c.campaignId],
    );
    expect(costs.map((m) => m.cost)).toEqual(['0.011000', '0.011000', '0.022000', '0.022000']);
  });

  it('uses the category Meta reports, records free messages at zero and never charges what was not delivered', async () => {
    const w = await world();
    const c = await createWorldCampaign(
      orm.em,
      w,
      [0, 1, 2, 3].map((i) => ({
        status: 'SENT',
        wamid: `wamid.${w.wamidTag}.${i}`,
        phone: `+99955510${i}`,
      })),
    );
    const t = unix('2099-03-05T12:00:00Z');
    await process(
      statuses(w, [
        status(`wamid.${w.wamidTag}.0`, 'delivered', t, pmp('utility')), // template was marketing; Meta says utility
        status(`wamid.${w.wamidTag}.1`, 'delivered', t, pmp('utility', 'free_customer_service', false)),
        status(`wamid.${w.wamidTag}.2`, 'sent', t, pmp()),
        status(`wamid.${w.wamidTag}.3`, 'failed', t, {
          errors: [{ code: 131026, title: 'Message undeliverable' }],
        }),
      ]),
    );
    const entries = await ledger(w.tenantId);
    expect(entries.map((e) => [e.source_ref.split('.').at(-1), e.category, e.amount])).toEqual([
      ['0', 'utility', '-0.010000'],
      ['1', 'utility', '0.000000'],
    ]);
    expect((await campaignCost(c.campaignId)).actual_cost).toBe('0.010000');
  });

  it('applies volume tiers per WABA and month, counting only charged messages', async () => {
    const w = await world();
    const n = 5;
    await createWorldCampaign(
      orm.em,
      w,
      Array.from({ length: n }, (_, i) => ({
        status: 'SENT',
        wamid: `wamid.${w.wamidTag}.${i}`,
        phone: `+99955520${i}`,
      })),
    );
    const t = unix('2099-03-05T12:00:00Z');
    await process(
      statuses(w, [
        status(`wamid.${w.wamidTag}.0`, 'delivered', t, pmp('utility', 'free_customer_service', false)),
        status(`wamid.${w.wamidTag}.1`, 'delivered', t + 1, pmp('utility')),
      ]),
    );
    await process(
      statuses(
        w,
        [2, 3, 4].map((i) => status(`wamid.${w.wamidTag}.${i}`, 'delivered', t + i, pmp('utility'))),
      ),
    );
    const entries = await ledger(w.tenantId);
    expect(entries.map((e) => e.meta_cost)).toEqual([
      '0.000000',
      '-0.010000',
      '-0.010000',
      '-0.005000',
      '-0.005000',
    ]);
    const [volume] = await rows<{ count: number }>(
      `select count from billing_volumes where waba_id = ? and month = '2099-03'`,
      [w.wabaId],
    );
    expect(volume?.count).toBe(4);
  });

  it('charges 1,000 deliveries of one batch set-wise, and the replay of the batch charges nothing', async () => {
    const w = await world({ markup: '15' });
    const n = 1_000;
    const c = await createWorldCampaign(
      orm.em,
      w,
      Array.from({ length: n }, (_, i) => ({
        status: 'SENT',
        wamid: `wamid.${w.wamidTag}.${i}`,
        phone: `+9995${String(100000 + i)}`,
      })),
    );
    const t = unix('2099-03-20T12:00:00Z');
    const body = statuses(
      w,
      Array.from({ length: n }, (_, i) => status(`wamid.${w.wamidTag}.${i}`, 'delivered', t + i, pmp())),
    );
    const started = performance.now();
    await process(body);
    console.info(
      `1,000 delivered statuses applied and charged in ${(performance.now() - started).toFixed(0)} ms`,
    );
    await process(body);
    const [sum] = await rows<{ n: number; total: string }>(
      `select count(*)::int as n, sum(amount)::text as total from ledger_entries where tenant_id = ?`,
      [w.tenantId],
    );
    expect(sum).toEqual({ n, total: '-23.000000' }); // 1,000 × 0.02 × 1.15
    expect((await campaignCost(c.campaignId)).actual_cost).toBe('23.000000');
  });

  it('charges one CBP conversation once for all its messages (Meta fixture), recording the conversation', async () => {
    const w = await world();
    const wamid = `wamid.${w.wamidTag}.HBgLMTU1NTAxOTg3NjEVAgARGBI3QjFBMDBGMDk4QkU2MDg4QTIA`;
    const second = `wamid.${w.wamidTag}.second`;
    // The same user in one 24 h conversation through two campaigns (a campaign has a number once).
    const c = await createWorldCampaign(orm.em, w, [{ status: 'ACCEPTED', wamid, phone: '+15550198761' }]);
    const other = await createWorldCampaign(orm.em, w, [
      { status: 'ACCEPTED', wamid: second, phone: '+15550198761' },
    ]);
    const conversation = JSON.parse(w.fixture('status-sent-cbp.json')).entry[0].changes[0].value.statuses[0]
      .conversation;
    const convId = `${conversation.id}-${w.wamidTag}`;
    const cbp = {
      conversation: { ...conversation, id: convId },
      pricing: { billable: true, pricing_model: 'CBP', category: 'marketing' },
    };
    await process(w.fixture('status-sent-cbp.json').replaceAll(conversation.id, convId));
    expect(await ledger(w.tenantId)).toEqual([]); // sent is not delivered
    await process(
      statuses(w, [
        status(wamid, 'delivered', 1748512900, cbp),
        status(second, 'delivered', 1748513000, cbp),
      ]),
    );
    await process(statuses(w, [status(second, 'read', 1748513100, cbp)]));
    const entries = await ledger(w.tenantId);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      source_ref: `cbp:${convId}`,
      amount: '-0.030000',
      market: `${MARKET} CBP`,
    });
    const convs = await rows<{
      conversation_id: string;
      origin_type: string;
      billable: boolean;
      expires_at: string;
    }>(
      `select conversation_id, origin_type, billable, expires_at::text from conversations where tenant_id = ?`,
      [w.tenantId],
    );
    expect(convs).toEqual([
      {
        conversation_id: convId,
        origin_type: 'marketing',
        billable: true,
        expires_at: expect.stringContaining('2025-05-30'),
      },
    ]);
    expect((await campaignCost(c.campaignId)).actual_cost).toBe('0.030000');
    expect((await campaignCost(other.campaignId)).actual_cost).toBe('0.000000');
  });
});

describe('holds and credit', () => {
  const now = () => Math.floor(Date.now() / 1000);
  const NA = 0.025; // North America marketing in the shipped 2026-10-01 card

  async function heldCampaign(w: TestWorld, count: number, override = false) {
    const c = await createWorldCampaign(
      orm.em,
      w,
      Array.from({ length: count }, (_, i) => ({ status: 'PENDING', phone: `+1212555${String(1000 + i)}` })),
    );
    const hold = await orm.em.fork().transactional((tx) =>
      placeHold(tx, {
        tenantId: w.tenantId,
        campaignId: c.campaignId,
        campaignName: 'test',
        category: 'MARKETING',
        ...(override ? { override: { actor: admin, reason: 'trusted customer' } } : {}),
      }),
    );
    // The sender's part, short-circuited: every message accepted by Meta with a wamid.
    await orm.em
      .fork()
      .execute(
        `update campaign_messages set status = 'SENT', wamid = 'wamid.' || ? || '.' || id where campaign_id = ?`,
        [w.wamidTag, c.campaignId],
        'run',
      );
    return { ...c, hold, wamids: c.messageIds.map((id) => `wamid.${w.wamidTag}.${id}`) };
  }

  it('holds the quote, consumes it with charges, releases the rest at the end; estimate − actual = undelivered', async () => {
    const w = await world({ markup: '20' });
    const c = await heldCampaign(w, 5);
    const price = NA * 1.2;
    expect(Number(c.hold.quote.total)).toBeCloseTo(5 * price, 6);
    expect((await balanceOf(orm.em.fork(), w.tenantId)).held).toBe(c.hold.quote.total);
    await process(
      statuses(w, [
        ...c.wamids.slice(0, 3).map((id, i) => status(id, 'delivered', now() - 60 + i, pmp())),
        ...c.wamids.slice(3).map((id, i) =>
          status(id, 'failed', now() - 60 + i, {
            errors: [{ code: 131026, title: 'Message undeliverable' }],
          }),
        ),
      ]),
    );
    const cost = await campaignCost(c.campaignId);
    expect(Number(cost.actual_cost)).toBeCloseTo(3 * price, 6);
    expect(Number(cost.estimated_cost) - Number(cost.actual_cost)).toBeCloseTo(2 * price, 6);
    const during = await balanceOf(orm.em.fork(), w.tenantId);
    expect(Number(during.held)).toBeCloseTo(2 * price, 6);
    await orm.em
      .fork()
      .execute(`update campaigns set status = 'COMPLETED' where id = ?`, [c.campaignId], 'run');
    expect(await releaseHolds(orm.em.fork(), [c.campaignId])).toBe(1);
    const after = await balanceOf(orm.em.fork(), w.tenantId);
    expect(after).toMatchObject({ held: '0.000000', creditLimit: null, available: null });
    expect(Number(after.balance)).toBeCloseTo(-3 * price, 6);
  });

  it('refuses a quote above the available credit, naming the amounts; an admin override is audited', async () => {
    const w = await world();
    await setCreditLimit(orm.em.fork(), admin, { tenantId: w.tenantId, creditLimit: 0.05, reason: 'test' });
    await expect(heldCampaign(w, 3)).rejects.toMatchObject({
      code: 'CREDIT_INSUFFICIENT',
      details: { quote: '0.075000', available: '0.050000' },
    });
    const c = await heldCampaign(w, 3, true);
    expect(c.hold.overridden).toBe(true);
    const audits = await rows<{ action: string }>(
      `select action from audit_logs where tenant_id = ? order by created_at`,
      [w.tenantId],
    );
    expect(audits.map((a) => a.action)).toEqual(['billing.credit_limit_set', 'billing.credit_override']);
  });

  it('pauses a running campaign with CREDIT_EXHAUSTED once its hold and the credit are used up', async () => {
    const w = await world();
    await setCreditLimit(orm.em.fork(), admin, { tenantId: w.tenantId, creditLimit: 0.05, reason: 'test' });
    const c = await heldCampaign(w, 3, true); // quote 0.075 over a 0.05 limit
    await process(
      statuses(
        w,
        c.wamids.slice(0, 2).map((id, i) => status(id, 'delivered', now() - 30 + i, pmp())),
      ),
    );
    expect(
      (await rows<{ status: string }>(`select status from campaigns where id = ?`, [c.campaignId]))[0]
        ?.status,
    ).toBe('RUNNING');
    await process(statuses(w, [status(c.wamids[2]!, 'delivered', now() - 10, pmp())]));
    const [row] = await rows<{ status: string; status_code: string; status_reason: string }>(
      `select status, status_code, status_reason from campaigns where id = ?`,
      [c.campaignId],
    );
    expect(row).toMatchObject({
      status: 'PAUSED',
      status_code: 'CREDIT_EXHAUSTED',
      status_reason: expect.stringContaining('credit'),
    });
  });

  it('reconciles: the ledger sums to the balance, to campaign costs plus adjustments, and balance_after runs', async () => {
    const w = await world({ markup: '5' });
    await adjustBalance(orm.em.fork(), admin, {
      tenantId: w.tenantId,
      amount: 1.5,
      reason: 'prepaid top-up',
    });
    const a = await heldCampaign(w, 4);
    const b = await heldCampaign(w, 2);
    await process(
      statuses(
        w,
        [...a.wamids, ...b.wamids.slice(0, 1)].map((id, i) => status(id, 'delivered', now() - 50 + i, pmp())),
      ),
    );
    await adjustBalance(orm.em.fork(), admin, { tenantId: w.tenantId, amount: -0.25, reason: 'correction' });
    const [sums] = await rows<{
      entries: string;
      adjustments: string;
      costs: string;
      balance: string;
      last: string;
    }>(
      `select (select sum(amount) from ledger_entries where tenant_id = ?::uuid)::text as entries,
              (select sum(amount) from ledger_entries where tenant_id = ?::uuid and kind = 'adjustment')::text as adjustments,
              (select sum(actual_cost) from campaigns where tenant_id = ?::uuid)::text as costs,
              (select balance from tenant_balances where tenant_id = ?::uuid)::text as balance,
              (select balance_after from ledger_entries where tenant_id = ?::uuid order by id desc limit 1)::text as last`,
      [w.tenantId, w.tenantId, w.tenantId, w.tenantId, w.tenantId],
    );
    expect(Number(sums!.entries)).toBeCloseTo(Number(sums!.adjustments) - Number(sums!.costs), 6);
    expect(sums!.entries).toBe(sums!.balance);
    expect(sums!.last).toBe(sums!.balance);
    expect(Number(sums!.costs)).toBeCloseTo(5 * NA * 1.05, 6);
    const entries = await ledger(w.tenantId);
    let running = 0;
    for (const e of entries) {
      running += Number(e.amount);
      expect(Number(e.balance_after)).toBeCloseTo(running, 6);
    }
  });
});
