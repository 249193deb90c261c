/**
 * The Billing page in Chromium against the real api: a tenant with charges and a credit in its
 * ledger (written to the test database as the processor and an admin would) sees its balance,
 * the stacked spend chart, spend by country and top campaigns, and the ledger with its filters
 * and CSV export; another tenant's entries never appear.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { testStack } from '@dbulk/testing';
import { BrowserPages, screenshotter } from '@dbulk/testing/e2e';
import { callTrpc } from './campaigns-helpers';

const webUrl = inject('webUrl');
const shot = screenshotter('tenant-web');
const run = randomUUID().slice(0, 8);
const pages = new BrowserPages(webUrl, { width: 1280, height: 1000 });
const db = new pg.Pool({ connectionString: testStack().databaseUrl, max: 2 });
const tenants: string[] = [];
const digits = (n: number) =>
  String(randomInt(1, 10)) + Array.from({ length: n - 1 }, () => randomInt(0, 10)).join('');
const daysAgo = (n: number, hour = 12) =>
  new Date(
    Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() - n, hour),
  ).toISOString();

beforeAll(() => pages.launch());
afterAll(async () => {
  await pages.close();
  if (tenants.length) {
    await db.query(`delete from ledger_entries where tenant_id = any($1::uuid[])`, [tenants]);
    await db.query(`delete from tenant_balances where tenant_id = any($1::uuid[])`, [tenants]);
  }
  await db.end();
});

/** A campaign row of the tenant's (number and template made directly: no Meta needed). */
async function campaign(tenantId: string, name: string): Promise<string> {
  const one = async (sql: string, params: unknown[]) =>
    (await db.query<{ id: string }>(sql, params)).rows[0]!.id;
  const account = await one(
    `insert into whatsapp_accounts (id, created_at, updated_at, tenant_id, waba_id, phone_number_id, access_token_ciphertext, access_token_key_id)
     values (gen_random_uuid(), now(), now(), $1, $2, $3, 'x', 'test') returning id`,
    [tenantId, digits(15), digits(15)],
  );
  const template = await one(
    `insert into templates (id, created_at, updated_at, tenant_id, account_id, waba_id, name, language, category, components, status)
     values (gen_random_uuid(), now(), now(), $1, $2, '1', $3, 'en_US', 'MARKETING', '[]', 'APPROVED') returning id`,
    [tenantId, account, `t_${run}_${randomInt(1e6)}`],
  );
  return one(
    `insert into campaigns (id, created_at, updated_at, tenant_id, name, account_id, template_id, status, total, delivered, estimated_cost)
     values (gen_random_uuid(), now(), now(), $1, $2, $3, $4, 'COMPLETED', 3, 3, 0.2) returning id`,
    [tenantId, name, account, template],
  );
}

/** Ledger rows as charging and an admin adjustment write them, with the running balance. */
async function ledger(
  tenantId: string,
  rows: {
    kind?: string;
    amount: number;
    category?: string | null;
    market?: string | null;
    campaignId?: string | null;
    at: string;
    reason?: string;
  }[],
) {
  let balance = 0;
  for (const [i, r] of rows.entries()) {
    balance += r.amount;
    await db.query(
      `insert into ledger_entries (tenant_id, kind, amount, meta_cost, currency, category, market, pricing_model, campaign_id, source_ref, balance_after, reason, occurred_at, created_at)
       values ($1, $2, $3, $4, 'USD', $5, $6, 'PMP', $7, $8, $9, $10, $11, now())`,
      [
        tenantId,
        r.kind ?? 'charge',
        r.amount,
        (r.kind ?? 'charge') === 'charge' ? r.amount * 0.8 : 0,
        r.category === undefined ? 'marketing' : r.category,
        r.market === undefined ? 'India' : r.market,
        r.campaignId ?? null,
        `e2e:${run}:${tenantId}:${i}`,
        balance,
        r.reason ?? null,
        r.at,
      ],
    );
  }
  await db.query(
    `insert into tenant_balances (tenant_id, balance) values ($1, $2) on conflict (tenant_id) do update set balance = excluded.balance`,
    [tenantId, balance],
  );
}

describe('tenant billing dashboard', () => {
  it('shows balance, spend charts and the ledger from the tenant’s own entries, filtered and exported', async () => {
    const page = await pages.newPage('billing');
    await page.goto('/sign-up');
    await page.getByTestId('sign-up-name').fill('Bill Owner');
    await page.getByTestId('sign-up-email').fill(`billing-${run}@example.test`);
    await page.getByTestId('sign-up-password').fill('owner-password-123');
    await page.getByTestId('sign-up-tenant-name').fill(`Billing Co ${run}`);
    await page.getByTestId('sign-up-submit').click();
    await page.getByTestId('nav-billing').waitFor();
    const { id: tenantId } = await callTrpc<{ id: string }>(page, 'query', 'tenants.current', undefined);
    tenants.push(tenantId);
    const spring = await campaign(tenantId, `Spring sale ${run}`);
    const receipts = await campaign(tenantId, `Receipts ${run}`);
    await ledger(tenantId, [
      {
        kind: 'adjustment',
        amount: 25,
        category: null,
        market: null,
        at: daysAgo(5),
        reason: 'Opening credit',
      },
      { amount: -0.0625, campaignId: spring, at: daysAgo(3) },
      { amount: -0.0625, campaignId: spring, at: daysAgo(3) },
      { amount: -0.0138, category: 'utility', market: 'Brazil', campaignId: receipts, at: daysAgo(2) },
      { amount: -0.0138, category: 'utility', market: 'Brazil', campaignId: receipts, at: daysAgo(1) },
    ]);
    // Another tenant's charge on the same days must not show.
    const other = (
      await db.query<{ id: string }>(
        `insert into tenants (id, created_at, updated_at, name) values (gen_random_uuid(), now(), now(), $1) returning id`,
        [`Other ${run}`],
      )
    ).rows[0]!.id;
    tenants.push(other);
    await ledger(other, [{ amount: -99, market: 'Germany', at: daysAgo(2) }]);

    // A fresh load: the dashboard already cached the (empty) balance before the rows existed.
    await page.goto('/billing');
    await page.getByTestId('spend-by-day-chart').waitFor();
    expect(await page.getByTestId('billing-balance-value').textContent()).toContain('$24.85');
    expect(await page.getByTestId('spend-bar').count()).toBe(3);
    expect(await page.getByTestId('spend-legend').textContent()).toMatch(/Marketing.*Utility/);
    const markets = await page.getByTestId('spend-by-market').textContent();
    expect(markets).toContain('India');
    expect(markets).toContain('Brazil');
    expect(markets).not.toContain('Germany');
    expect(await page.getByTestId('spend-by-campaign-row').count()).toBe(2);
    expect(await page.getByTestId('spend-by-campaign').textContent()).toContain(`Spring sale ${run}`);
    await expect.poll(() => page.locator('[data-testid^="ledger-row-"]').count()).toBe(5);
    expect(await page.getByTestId('ledger-table').textContent()).toContain('Opening credit');
    await shot(page, 'billing-01-dashboard');

    await page.getByTestId('ledger-kind').selectOption('adjustment');
    await expect.poll(() => page.locator('[data-testid^="ledger-row-"]').count()).toBe(1);
    await page.getByTestId('ledger-kind').selectOption('');
    await page.getByTestId('ledger-category').selectOption('utility');
    await expect.poll(() => page.locator('[data-testid^="ledger-row-"]').count()).toBe(2);
    expect(page.url()).toContain('category=utility');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('ledger-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^ledger-.*\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines.slice(1).every((l) => l.includes(',charge,-0.0138,USD,utility,Brazil,'))).toBe(true);

    // The dashboard's billing tiles read the same balance.
    await page.goto('/');
    await expect.poll(() => page.getByTestId('stat-credit').textContent()).toContain('Balance $24.85');
    expect(pages.errors).toEqual([]);
  });
});
