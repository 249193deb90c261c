/**
 * The CSV downloads against the real PostgreSQL: a campaign's messages and the billing ledger,
 * each larger than one export page, stream whole and in order; the session, the role and the
 * tenant scope are checked before the first byte.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Campaign } from '@dbulk/db';
import { LEDGER_EXPORT_PAGE_ROWS } from '@dbulk/domain-billing';
import { EXPORT_PAGE_ROWS } from '@dbulk/domain-campaigns';
import { createAccount, createTemplate } from '@dbulk/domain-campaigns/testing';
import { createLogger } from '@dbulk/logger';
import { unique, uniqueEmail } from '@dbulk/testing';
import { buildApp, type ApiApp } from './app';
import { testDepsEnv, TEST_ORIGIN } from './test-deps';
import { createDeps, type RuntimeDeps } from './deps';

const ORIGIN = TEST_ORIGIN;
let deps: RuntimeDeps;
let app: ApiApp;
const tenants: string[] = [];

async function signUp(): Promise<{ cookie: string; tenantId: string }> {
  const email = uniqueEmail();
  const res = await app.inject({
    method: 'POST',
    url: '/trpc/tenant/auth.signUp',
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    payload: JSON.stringify({
      email,
      password: 'correct horse battery',
      name: 'Ada',
      tenantName: unique('export'),
    }),
  });
  const [row] = await deps.orm.em
    .fork()
    .execute<{ tenant_id: string }[]>(
      `select m.tenant_id from memberships m join users u on u.id = m.user_id where u.email = ?`,
      [email],
    );
  tenants.push(row!.tenant_id);
  return {
    cookie: `dbulk_session=${res.cookies.find((c) => c.name === 'dbulk_session')!.value}`,
    tenantId: row!.tenant_id,
  };
}

/** A COMPLETED campaign of `count` messages, inserted set-wise. */
async function campaignOf(tenantId: string, count: number): Promise<string> {
  const em = deps.orm.em.fork();
  const account = await createAccount(em, tenantId);
  const templateId = await createTemplate(em, tenantId, account);
  const campaign = em.create(Campaign, {
    tenant: tenantId,
    name: 'Big, "quoted" sale',
    account: account.id,
    template: templateId,
    status: 'COMPLETED',
    total: count,
    delivered: count,
  });
  await em.flush();
  await em.execute(
    `insert into campaign_messages (tenant_id, campaign_id, phone, status, wamid, delivered_at)
     select ?, ?, '+4915' || lpad(g::text, 9, '0'), 'DELIVERED', 'wamid.' || ? || '.' || g, now() from generate_series(1, ?) g`,
    [tenantId, campaign.id, randomUUID(), count],
  );
  return campaign.id;
}

beforeAll(async () => {
  deps = await createDeps(
    testDepsEnv('dbulk-api-export-it'),
    createLogger({ name: 'export-it', level: 'silent' }),
  );
  app = await buildApp(deps, {});
}, 60_000);
afterAll(async () => {
  // Tenants cascade to their accounts, templates, campaigns and messages.
  if (tenants.length)
    await deps.orm.em
      .fork()
      .execute(`delete from tenants where id in (${tenants.map(() => '?').join(',')})`, tenants);
  await app?.close();
  await deps?.close();
});

describe('GET /exports/campaigns/:id/messages.csv', () => {
  it('streams every message of a campaign larger than one page, in id order, as an attachment', async () => {
    const { cookie, tenantId } = await signUp();
    const count = EXPORT_PAGE_ROWS * 2 + 345;
    const campaignId = await campaignOf(tenantId, count);
    const res = await app.inject({
      method: 'GET',
      url: `/exports/campaigns/${campaignId}/messages.csv`,
      headers: { cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="big-quoted-sale-messages.csv"');
    const lines = res.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'id,phone,status,wamid,attempts,errorCode,errorTitle,reason,needsReview,sentAt,deliveredAt,readAt,failedAt',
    );
    expect(lines).toHaveLength(count + 1);
    const ids = lines.slice(1).map((line) => Number(line.split(',')[0]));
    expect(ids.every((id, i) => i === 0 || id > ids[i - 1]!)).toBe(true);
    expect(lines[count]).toContain(`+4915${String(count).padStart(9, '0')},DELIVERED,`);
  }, 60_000);

  it('answers 404 for another tenant’s campaign, 401 without a session and 400 for a malformed id', async () => {
    const owner = await signUp();
    const stranger = await signUp();
    const campaignId = await campaignOf(owner.tenantId, 3);
    const other = await app.inject({
      method: 'GET',
      url: `/exports/campaigns/${campaignId}/messages.csv`,
      headers: { cookie: stranger.cookie },
    });
    expect(other.statusCode).toBe(404);
    expect(other.body).not.toContain('+4915');
    expect(
      (await app.inject({ method: 'GET', url: `/exports/campaigns/${campaignId}/messages.csv` })).statusCode,
    ).toBe(401);
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/exports/campaigns/not-a-uuid/messages.csv',
          headers: { cookie: owner.cookie },
        })
      ).statusCode,
    ).toBe(400);
  });
});

describe('GET /exports/ledger.csv', () => {
  it('streams a period of the ledger larger than one page, newest first, filtered by campaign', async () => {
    const { cookie, tenantId } = await signUp();
    const campaignId = await campaignOf(tenantId, 1);
    const count = LEDGER_EXPORT_PAGE_ROWS + 7;
    await deps.orm.em.fork().execute(
      `insert into ledger_entries (tenant_id, kind, amount, meta_cost, currency, category, market, pricing_model, campaign_id, source_ref, balance_after, occurred_at, created_at)
       select ?, 'charge', -0.01, -0.008, 'USD', 'marketing', 'Germany', 'PMP', ?, 'test:' || ? || ':' || g, -0.01 * g, timestamptz '2026-07-01' + g * interval '1 second', now()
       from generate_series(1, ?) g`,
      [tenantId, campaignId, randomUUID(), count],
    );
    const url = `/exports/ledger.csv?from=2026-07-01&to=2026-07-31&campaignId=${campaignId}`;
    const res = await app.inject({ method: 'GET', url, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="ledger-2026-07-01-to-2026-07-31.csv"',
    );
    const lines = res.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'id,occurredAt,kind,amount,currency,category,market,pricingModel,campaignId,campaignName,reason,balanceAfter',
    );
    expect(lines).toHaveLength(count + 1);
    const ids = lines.slice(1).map((line) => Number(line.split(',')[0]));
    expect(ids.every((id, i) => i === 0 || id < ids[i - 1]!)).toBe(true);
    expect(lines[1]).toContain(',charge,-0.01,USD,marketing,Germany,PMP,');
  }, 60_000);

  it('refuses another tenant’s campaign (404), a bad filter (400), members (403) and no session (401)', async () => {
    const owner = await signUp();
    const stranger = await signUp();
    const campaignId = await campaignOf(owner.tenantId, 1);
    const get = (query: string, cookie?: string) =>
      app.inject({ method: 'GET', url: `/exports/ledger.csv${query}`, headers: cookie ? { cookie } : {} });
    expect((await get(`?campaignId=${campaignId}`, stranger.cookie)).statusCode).toBe(404);
    expect((await get('?from=2026-07-31&to=2026-07-01', owner.cookie)).statusCode).toBe(400);
    expect((await get('?kind=gift', owner.cookie)).statusCode).toBe(400);
    expect((await get('')).statusCode).toBe(401);
    await deps.orm.em
      .fork()
      .execute(`update memberships set role = 'member' where tenant_id = ?`, [owner.tenantId]);
    expect((await get('', owner.cookie)).statusCode).toBe(403);
  });
});
