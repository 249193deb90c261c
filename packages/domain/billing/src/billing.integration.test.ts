/**
 * Rate cards, the seed, and the ledger's admin actions against PostgreSQL. Uploaded test cards
 * take effect in 2099 (no other test's messages are priced then) and are deleted afterwards.
 */
import { randomUUID } from 'node:crypto';
import { createOrm, Tenant, type MikroORM } from '@dbulk/db';
import { testStack } from '@dbulk/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adjustBalance, setCreditLimit } from './ledger/ledger.service';
import { balanceOf } from './ledger/balance';
import { applyRateCard, rateCardInForce, stageRateCard } from './rates/rate-card.service';
import { diffRateCard } from './rates/rate-card-diff';
import { seedRateCard } from './rates/shipped-card';

let orm: MikroORM;
const tenants: string[] = [];
const cards: string[] = [];
const admin = { userId: null, email: 'billing-test@dbulk.local', ip: null };
const TAG = randomUUID().slice(0, 6);
const rows = <T>(sql: string, params: unknown[] = []) => orm.em.fork().execute<T[]>(sql, params);

beforeAll(async () => {
  orm = await createOrm({ url: testStack().databaseUrl, poolMax: 3 });
});

afterAll(async () => {
  const json = JSON.stringify(tenants);
  await orm.em
    .fork()
    .execute(
      `delete from ledger_entries where tenant_id in (select (jsonb_array_elements_text(?::jsonb))::uuid)`,
      [json],
      'run',
    );
  await orm.em
    .fork()
    .execute(
      `delete from tenant_balances where tenant_id in (select (jsonb_array_elements_text(?::jsonb))::uuid)`,
      [json],
      'run',
    );
  await orm.em
    .fork()
    .execute(
      `delete from audit_logs where tenant_id in (select (jsonb_array_elements_text(?::jsonb))::uuid) or target_id in (select jsonb_array_elements_text(?::jsonb))`,
      [json, JSON.stringify(cards)],
      'run',
    );
  await orm.em
    .fork()
    .execute(
      `delete from tenants where id in (select (jsonb_array_elements_text(?::jsonb))::uuid)`,
      [json],
      'run',
    );
  await orm.em
    .fork()
    .execute(
      `delete from pricing_rates where rate_card_id in (select (jsonb_array_elements_text(?::jsonb))::uuid)`,
      [JSON.stringify(cards)],
      'run',
    );
  await orm.em
    .fork()
    .execute(
      `delete from rate_cards where id in (select (jsonb_array_elements_text(?::jsonb))::uuid)`,
      [JSON.stringify(cards)],
      'run',
    );
  await orm.close(true);
});

async function tenant() {
  const em = orm.em.fork();
  const t = em.create(Tenant, { name: `billing ${TAG}` });
  await em.flush();
  tenants.push(t.id);
  return t.id;
}

describe('the shipped rate card', () => {
  it('seeds idempotently: a second run writes nothing', async () => {
    await seedRateCard(orm.em.fork());
    const again = await seedRateCard(orm.em.fork());
    expect(again.cards.map((c) => [c.effectiveFrom, c.written, c.created])).toEqual([
      ['2026-07-01', 0, false],
      ['2026-10-01', 0, false],
    ]);
    const [count] = await rows<{ n: number }>(
      `select count(*)::int as n from rate_cards where source = 'seed'`,
    );
    expect(count?.n).toBe(2);
  });

  it('shows the card in force on a day, with the market mapping of that day', async () => {
    const aug = await rateCardInForce(orm.em.fork(), '2026-08-15');
    const nov = await rateCardInForce(orm.em.fork(), '2026-11-15');
    const find = (card: typeof aug, market: string, category: string) =>
      card.rates.find((r) => r.market === market && r.category === category);
    expect(find(nov, 'North America', 'marketing')).toMatchObject({
      rate: '0.025000',
      countryCodes: ['1'],
      effectiveFrom: '2026-10-01',
    });
    expect(find(aug, 'Rest of Africa', 'marketing')?.countryCodes).toContain('212');
    expect(find(nov, 'Rest of Africa', 'marketing')?.countryCodes).not.toContain('212');
    expect(find(aug, 'Morocco', 'marketing')).toBeUndefined();
    expect(find(nov, 'Morocco', 'marketing')).toBeDefined();
    expect((await rateCardInForce(orm.em.fork(), '2026-06-30')).rates).toEqual([]);
  });
});

describe('uploading a rate card', () => {
  const csv = (ukMarketing: string) =>
    `market,country_codes,category,rate\nUnited Kingdom,44,marketing,${ukMarketing}\nUnited Kingdom,44,utility,0.0220\nTestland ${TAG},999,marketing,0.0100\n`;

  it('returns row-level errors and stages nothing when a row is wrong', async () => {
    const result = await stageRateCard(orm.em.fork(), admin, {
      csv: `${csv('0.06')}France,33,promo,x\n`,
      effectiveFrom: '2099-01-01',
    });
    expect(result.rateCardId).toBeNull();
    expect(result.errors).toEqual([
      { line: 5, field: 'category', message: expect.stringContaining('promo') },
      { line: 5, field: 'rate', message: expect.stringContaining('"x"') },
    ]);
  });

  it('refuses a row whose effective_from differs from the card’s', async () => {
    const result = await stageRateCard(orm.em.fork(), admin, {
      csv: 'market,country_codes,category,rate,effective_from\nUK,44,marketing,0.05,2099-02-01\n',
      effectiveFrom: '2099-01-01',
    });
    expect(result.errors).toEqual([
      { line: 2, field: 'effective_from', message: expect.stringContaining('2099-01-01') },
    ]);
  });

  it('stages a valid card, diffs it against the card in force, applies it once, and prices from its date', async () => {
    const staged = await stageRateCard(orm.em.fork(), admin, {
      csv: csv('0.0600'),
      effectiveFrom: '2099-01-01',
    });
    expect(staged.errors).toEqual([]);
    cards.push(staged.rateCardId!);
    const diff = await diffRateCard(orm.em.fork(), staged.rateCardId!);
    expect(diff.added).toEqual([
      expect.objectContaining({
        market: `Testland ${TAG}`,
        category: 'marketing',
        from: null,
        to: '0.010000',
      }),
    ]);
    expect(
      diff.changed.find((c) => c.category === 'marketing' && c.market === 'United Kingdom'),
    ).toMatchObject({ to: '0.060000' });
    expect(diff.unlisted.some((u) => u.market === 'North America')).toBe(true);
    expect(
      (await rateCardInForce(orm.em.fork(), '2098-12-31')).rates.some((r) => r.market === `Testland ${TAG}`),
    ).toBe(false);

    const applied = await applyRateCard(orm.em.fork(), admin, staged.rateCardId!);
    expect(applied).toMatchObject({ effectiveFrom: '2099-01-01', written: 3 });
    await expect(applyRateCard(orm.em.fork(), admin, staged.rateCardId!)).rejects.toMatchObject({
      code: 'RATE_CARD_NOT_STAGED',
    });
    const after = await rateCardInForce(orm.em.fork(), '2099-01-01');
    expect(
      after.rates.find((r) => r.market === 'United Kingdom' && r.category === 'marketing'),
    ).toMatchObject({ rate: '0.060000', rateCardId: staged.rateCardId });
    expect(after.rates.find((r) => r.market === 'North America' && r.category === 'marketing')?.rate).toBe(
      '0.025000',
    );
    const audits = await rows<{ action: string }>(
      `select action from audit_logs where target_id = ? order by created_at`,
      [staged.rateCardId],
    );
    expect(audits.map((a) => a.action)).toEqual(['billing.rate_card.staged', 'billing.rate_card.applied']);
  });
});

describe('balance, adjustments and credit limits', () => {
  it('starts a tenant at zero with no credit control', async () => {
    const id = await tenant();
    expect(await balanceOf(orm.em.fork(), id)).toEqual({
      tenantId: id,
      currency: 'USD',
      balance: '0.000000',
      creditLimit: null,
      held: '0.000000',
      available: null,
    });
  });

  it('adjusts with a reason (audited) and keeps a running balance; the limit makes credit available', async () => {
    const id = await tenant();
    await adjustBalance(orm.em.fork(), admin, { tenantId: id, amount: 10, reason: 'prepaid' });
    const after = await adjustBalance(orm.em.fork(), admin, {
      tenantId: id,
      amount: '-2.5',
      reason: 'refund of a credit',
    });
    expect(after).toMatchObject({ balance: '7.500000', available: null });
    const limited = await setCreditLimit(orm.em.fork(), admin, {
      tenantId: id,
      creditLimit: 5,
      reason: 'approved',
    });
    expect(limited).toMatchObject({ creditLimit: '5.000000', available: '12.500000' });
    const entries = await rows<{
      kind: string;
      amount: string;
      balance_after: string;
      reason: string;
      source_ref: string;
    }>(
      `select kind, amount::text, balance_after::text, reason, source_ref from ledger_entries where tenant_id = ? order by id`,
      [id],
    );
    expect(entries).toEqual([
      {
        kind: 'adjustment',
        amount: '10.000000',
        balance_after: '10.000000',
        reason: 'prepaid',
        source_ref: expect.stringMatching(/^adj:/),
      },
      {
        kind: 'adjustment',
        amount: '-2.500000',
        balance_after: '7.500000',
        reason: 'refund of a credit',
        source_ref: expect.stringMatching(/^adj:/),
      },
    ]);
    const audits = await rows<{ action: string; changes: { before?: unknown; after: unknown } }>(
      `select action, changes from audit_logs where tenant_id = ? order by created_at`,
      [id],
    );
    expect(audits.map((a) => a.action)).toEqual([
      'billing.adjusted',
      'billing.adjusted',
      'billing.credit_limit_set',
    ]);
    expect(audits[2]?.changes).toMatchObject({
      before: { creditLimit: null },
      after: { creditLimit: '5.000000', reason: 'approved' },
    });
    expect(
      await setCreditLimit(orm.em.fork(), admin, { tenantId: id, creditLimit: null, reason: 'postpaid' }),
    ).toMatchObject({ creditLimit: null, available: null });
  });

  it('serialises concurrent adjustments of one tenant into a consistent running balance', async () => {
    const id = await tenant();
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        adjustBalance(orm.em.fork(), admin, { tenantId: id, amount: i + 1, reason: `parallel ${i}` }),
      ),
    );
    const entries = await rows<{ amount: string; balance_after: string }>(
      `select amount::text, balance_after::text from ledger_entries where tenant_id = ? order by ledger_entries.balance_after`,
      [id],
    );
    let running = 0;
    for (const e of entries) {
      running += Number(e.amount);
      expect(Number(e.balance_after)).toBeCloseTo(running, 6);
    }
    expect((await balanceOf(orm.em.fork(), id)).balance).toBe('55.000000');
  });

  it('says which tenant does not exist', async () => {
    const missing = randomUUID();
    await expect(balanceOf(orm.em.fork(), missing)).rejects.toMatchObject({
      code: 'BILLING_TENANT_NOT_FOUND',
    });
    await expect(
      adjustBalance(orm.em.fork(), admin, { tenantId: missing, amount: 1, reason: 'x' }),
    ).rejects.toMatchObject({ code: 'BILLING_TENANT_NOT_FOUND' });
  });
});
