import { createOrm, type MikroORM } from '@dbulk/db';
import { isAppError } from '@dbulk/errors';
import { testStack } from '@dbulk/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignCost } from './campaign-cost.report';
import { exportLedgerCsv, ledgerPage } from './ledger.report';
import { marginReport } from './margin.report';
import { createReportTenant, deleteReportTenants, insertEntries } from './report-fixtures';
import { spendReport } from './spend.report';

let orm: MikroORM;
const tenants: string[] = [];

beforeAll(async () => {
  orm = await createOrm({ url: testStack().databaseUrl, poolMax: 3 });
});

afterAll(async () => {
  await deleteReportTenants(orm.em, tenants);
  await orm.close(true);
});

async function tenant(options: Parameters<typeof createReportTenant>[1] = {}) {
  const t = await createReportTenant(orm.em, options);
  tenants.push(t.tenantId);
  return t;
}

const codeOf = async (call: Promise<unknown>) =>
  call.then(
    () => 'OK',
    (err: unknown) => (isAppError(err) ? err.code : String(err)),
  );
const JULY = { from: '2026-07-01', to: '2026-07-31' };

describe('spend report', () => {
  it('sums charges by day in the tenant’s timezone, by category, by market and by campaign', async () => {
    // Asia/Kolkata is UTC+5:30: 2026-07-01T20:00Z is already 2 July there.
    const t = await tenant({ timezone: 'Asia/Kolkata' });
    const [c1, c2] = t.campaignIds;
    await insertEntries(orm.em, t.tenantId, [
      {
        amount: '-0.100000',
        category: 'marketing',
        market: 'India',
        campaignId: c1,
        occurredAt: '2026-07-01T10:00:00Z',
      },
      {
        amount: '-0.200000',
        category: 'marketing',
        market: 'India',
        campaignId: c1,
        occurredAt: '2026-07-01T20:00:00Z',
      },
      {
        amount: '-0.050000',
        category: 'utility',
        market: 'Brazil',
        campaignId: c2,
        occurredAt: '2026-07-02T08:00:00Z',
      },
      {
        amount: '-0.025000',
        category: 'authentication',
        market: 'Brazil',
        campaignId: null,
        occurredAt: '2026-07-31T17:00:00Z',
      },
      // Not spend: an adjustment, and charges outside the period (local days).
      {
        kind: 'adjustment',
        amount: '50.000000',
        category: null,
        market: null,
        occurredAt: '2026-07-05T10:00:00Z',
        reason: 'top-up',
      },
      { amount: '-9.000000', occurredAt: '2026-06-30T18:00:00Z' },
      { amount: '-9.000000', occurredAt: '2026-07-31T19:00:00Z' },
    ]);
    const report = await spendReport(orm.em, t.tenantId, JULY);
    expect(report.timeZone).toBe('Asia/Kolkata');
    expect(report.total).toBeCloseTo(0.375, 6);
    expect(report.byDay).toEqual([
      { day: '2026-07-01', category: 'marketing', amount: 0.1, count: 1 },
      { day: '2026-07-02', category: 'marketing', amount: 0.2, count: 1 },
      { day: '2026-07-02', category: 'utility', amount: 0.05, count: 1 },
      { day: '2026-07-31', category: 'authentication', amount: 0.025, count: 1 },
    ]);
    expect(report.byCategory).toEqual([
      { key: 'marketing', amount: 0.3, count: 2 },
      { key: 'utility', amount: 0.05, count: 1 },
      { key: 'authentication', amount: 0.025, count: 1 },
    ]);
    expect(report.byMarket).toEqual([
      { key: 'India', amount: 0.3, count: 2 },
      { key: 'Brazil', amount: 0.075, count: 2 },
    ]);
    expect(report.topCampaigns.map((c) => [c.campaignId, c.amount, c.count])).toEqual([
      [c1, 0.3, 2],
      [c2, 0.05, 1],
    ]);
  });

  it('never counts another tenant’s charges', async () => {
    const a = await tenant();
    const b = await tenant();
    await insertEntries(orm.em, b.tenantId, [
      { amount: '-1.000000', campaignId: b.campaignIds[0], occurredAt: '2026-07-10T10:00:00Z' },
    ]);
    const report = await spendReport(orm.em, a.tenantId, JULY);
    expect(report).toMatchObject({ total: 0, byDay: [], byCategory: [], byMarket: [], topCampaigns: [] });
  });

  it('refuses a period that ends before it starts', async () => {
    const t = await tenant();
    expect(await codeOf(spendReport(orm.em, t.tenantId, { from: '2026-07-02', to: '2026-07-01' }))).toBe(
      'BILLING_PERIOD_INVALID',
    );
  });
});

describe('ledger', () => {
  it('pages newest first and filters by kind, category, campaign and period', async () => {
    const t = await tenant();
    const [c1] = t.campaignIds;
    const ids = await insertEntries(orm.em, t.tenantId, [
      {
        kind: 'adjustment',
        amount: '10.000000',
        category: null,
        market: null,
        occurredAt: '2026-07-01T00:00:00Z',
        reason: 'opening credit',
      },
      { amount: '-0.100000', category: 'marketing', campaignId: c1, occurredAt: '2026-07-02T00:00:00Z' },
      { amount: '-0.200000', category: 'utility', campaignId: c1, occurredAt: '2026-07-03T00:00:00Z' },
      { amount: '-0.300000', category: 'marketing', campaignId: null, occurredAt: '2026-08-01T00:00:00Z' },
    ]);
    const first = await ledgerPage(orm.em, t.tenantId, { limit: 3 });
    expect(first.items.map((e) => e.id)).toEqual([ids[3], ids[2], ids[1]]);
    expect(first.items[0]).toMatchObject({
      kind: 'charge',
      amount: -0.3,
      balanceAfter: 9.4,
      category: 'marketing',
    });
    const second = await ledgerPage(orm.em, t.tenantId, { limit: 3, cursor: first.nextCursor! });
    expect(second).toMatchObject({
      items: [{ id: ids[0], kind: 'adjustment', amount: 10, reason: 'opening credit' }],
      nextCursor: null,
    });

    const charges = await ledgerPage(orm.em, t.tenantId, {
      limit: 10,
      kind: 'charge',
      category: 'marketing',
    });
    expect(charges.items.map((e) => e.id)).toEqual([ids[3], ids[1]]);
    const ofCampaign = await ledgerPage(orm.em, t.tenantId, { limit: 10, campaignId: c1 });
    expect(ofCampaign.items.map((e) => [e.id, e.campaignName?.startsWith('campaign 1')])).toEqual([
      [ids[2], true],
      [ids[1], true],
    ]);
    const inJuly = await ledgerPage(orm.em, t.tenantId, { limit: 10, period: JULY });
    expect(inJuly.items.map((e) => e.id)).toEqual([ids[2], ids[1], ids[0]]);
  });

  it('answers not found for another tenant’s campaign instead of an empty page', async () => {
    const a = await tenant();
    const b = await tenant();
    expect(await codeOf(ledgerPage(orm.em, a.tenantId, { limit: 10, campaignId: b.campaignIds[0] }))).toBe(
      'BILLING_CAMPAIGN_NOT_FOUND',
    );
  });

  it('exports the filtered ledger as CSV, quoting text and defusing formulas', async () => {
    const t = await tenant();
    await insertEntries(orm.em, t.tenantId, [
      {
        kind: 'adjustment',
        amount: '5.000000',
        category: null,
        market: null,
        occurredAt: '2026-07-01T00:00:00Z',
        reason: '=HYPERLINK("x"), goodwill',
      },
      { amount: '-0.012500', occurredAt: '2026-07-02T00:00:00Z' },
    ]);
    const { lines: stream, fileName } = await exportLedgerCsv(orm.em, t.tenantId, { period: JULY });
    expect(fileName).toBe('ledger-2026-07-01-to-2026-07-31.csv');
    let csv = '';
    for await (const chunk of stream) csv += chunk;
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(
      'id,occurredAt,kind,amount,currency,category,market,pricingModel,campaignId,campaignName,reason,balanceAfter',
    );
    expect(lines[1]).toContain(',charge,-0.0125,USD,marketing,India,PMP,');
    expect(lines[2]).toContain(`"'=HYPERLINK(""x""), goodwill"`);
  });
});

describe('margin report', () => {
  it('gives each tenant billed, Meta cost and margin = billed − Meta cost, with its balance', async () => {
    const t = await tenant();
    await insertEntries(orm.em, t.tenantId, [
      { amount: '-0.120000', metaCost: '-0.100000', occurredAt: '2026-07-02T00:00:00Z' },
      { amount: '-0.060000', metaCost: '-0.050000', occurredAt: '2026-07-03T00:00:00Z' },
      {
        kind: 'adjustment',
        amount: '20.000000',
        category: null,
        market: null,
        occurredAt: '2026-07-04T00:00:00Z',
      },
      { amount: '-5.000000', metaCost: '-4.000000', occurredAt: '2026-08-01T00:00:00Z' },
    ]);
    await orm.em
      .fork()
      .execute(`insert into tenant_balances (tenant_id, balance) values (?, 14.82)`, [t.tenantId], 'run');
    const report = await marginReport(orm.em, JULY, { tenantId: t.tenantId });
    expect(report.tenants).toEqual([
      expect.objectContaining({
        tenantId: t.tenantId,
        billed: 0.18,
        metaCost: 0.15,
        margin: 0.03,
        charges: 2,
        balance: 14.82,
        creditLimit: null,
      }),
    ]);
    expect(report.tenants[0]!.marginRate).toBeCloseTo(0.03 / 0.18, 6);
    expect(report.totals).toEqual({ billed: 0.18, metaCost: 0.15, margin: 0.03 });
  });

  it('lists every tenant of the platform, those without charges at zero', async () => {
    const quiet = await tenant();
    const name = (
      await orm.em
        .fork()
        .execute<{ name: string }[]>(`select name from tenants where id = ?`, [quiet.tenantId])
    )[0]!.name;
    const report = await marginReport(orm.em, JULY, { search: name.slice(-10) });
    expect(report.truncated).toBe(false);
    expect(report.tenants.find((t) => t.tenantId === quiet.tenantId)).toMatchObject({
      billed: 0,
      metaCost: 0,
      margin: 0,
      marginRate: null,
    });
  });
});

describe('campaign cost', () => {
  it('sets the estimate against the charges so far and counts what was never delivered', async () => {
    const t = await tenant({ estimatedCost: '0.400000' });
    const [c1] = t.campaignIds;
    await orm.em
      .fork()
      .execute(
        `update campaigns set total = 4, delivered = 2, read = 1, failed = 1 where id = ?`,
        [c1],
        'run',
      );
    await insertEntries(orm.em, t.tenantId, [
      { amount: '-0.100000', campaignId: c1, occurredAt: '2026-07-02T00:00:00Z' },
      { amount: '-0.100000', campaignId: c1, occurredAt: '2026-07-02T00:00:01Z' },
      { amount: '-0.100000', campaignId: c1, category: 'utility', occurredAt: '2026-07-02T00:00:02Z' },
    ]);
    const cost = await campaignCost(orm.em, t.tenantId, c1!);
    expect(cost).toMatchObject({
      estimated: 0.4,
      actual: 0.3,
      difference: -0.1,
      charges: 3,
      recipients: 4,
      delivered: 3,
      notDelivered: 1,
      inFlight: 0,
    });
    expect(cost.byCategory).toEqual([
      { category: 'marketing', amount: 0.2, count: 2 },
      { category: 'utility', amount: 0.1, count: 1 },
    ]);
    const other = await tenant();
    expect(await codeOf(campaignCost(orm.em, other.tenantId, c1!))).toBe('BILLING_CAMPAIGN_NOT_FOUND');
  });
});
