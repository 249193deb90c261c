/**
 * Billing procedures through createCaller against the real database: a tenant reads only its
 * own ledger and spend, viewers do not read the ledger, admins see billed / Meta cost / margin,
 * adjust balances and credit limits (audited, reasons required), and stage, compare and apply a
 * rate card; tenant users are refused every admin procedure.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Campaign, Template, WhatsappAccount } from '@dbulk/db';
import { exportLedgerCsv } from '@dbulk/domain-billing';
import {
  createAccount,
  createGeneratedList,
  createTemplate,
  FOUR_VARIABLE_MAPPING,
} from '@dbulk/domain-campaigns/testing';
import { ensurePlatformAdmin } from '@dbulk/domain-tenancy';
import { uniqueEmail } from '@dbulk/testing';
import { codeOf, createTestApi, type TestApi, type TestBrowser } from './test/test-api';

const JULY = { from: '2026-07-01', to: '2026-07-31' };
const digits = (n: number) =>
  String(randomInt(1, 10)) + Array.from({ length: n - 1 }, () => randomInt(0, 10)).join('');

describe('billing', () => {
  let api: TestApi;
  let admin: TestBrowser;

  beforeAll(async () => {
    api = await createTestApi();
    const email = uniqueEmail('billing-admin');
    await ensurePlatformAdmin(api.orm.em.fork(), { email, password: 'platform admin password' });
    admin = api.browser();
    await (await admin.admin()).auth.signIn({ email, password: 'platform admin password' });
  }, 60_000);
  afterAll(() => api?.close());

  /** A signed-up owner with a campaign and charges in July (Meta cost 80 % of the price). */
  async function tenantWithCharges(amounts: number[]) {
    const owner = api.browser();
    const { tenantId } = await owner.signUp();
    const em = api.orm.em.fork();
    const account = em.create(WhatsappAccount, {
      tenant: tenantId,
      wabaId: digits(15),
      phoneNumberId: digits(15),
      accessTokenCiphertext: 'x',
      accessTokenKeyId: 'k',
    });
    const template = em.create(Template, {
      tenant: tenantId,
      account,
      wabaId: account.wabaId,
      name: `t_${randomBytes(4).toString('hex')}`,
      language: 'en_US',
      category: 'MARKETING',
      components: [],
      status: 'APPROVED',
    });
    const campaign = em.create(Campaign, {
      tenant: tenantId,
      name: 'July sale',
      account,
      template,
      status: 'COMPLETED',
      total: amounts.length,
      delivered: amounts.length,
    });
    await em.flush();
    for (const [i, amount] of amounts.entries()) {
      await em.execute(
        `insert into ledger_entries (tenant_id, kind, amount, meta_cost, currency, category, market, pricing_model, campaign_id, source_ref, balance_after, occurred_at, created_at)
         values (?, 'charge', ?, ?, 'USD', 'marketing', 'India', 'PMP', ?, ?, ?, ?, now())`,
        [
          tenantId,
          -amount,
          -amount * 0.8,
          campaign.id,
          `test:${randomBytes(8).toString('hex')}`,
          -amounts.slice(0, i + 1).reduce((a, b) => a + b, 0),
          `2026-07-0${i + 1}T12:00:00Z`,
        ],
        'run',
      );
    }
    return { owner, tenantId, campaignId: campaign.id };
  }

  it('shows a tenant only its own ledger, spend and campaign cost', async () => {
    const a = await tenantWithCharges([0.5, 0.25]);
    const b = await tenantWithCharges([9]);
    const billing = (await a.owner.tenant()).billing;
    const ledger = await billing.ledger({ limit: 10 });
    expect(ledger.items.map((e) => e.amount)).toEqual([-0.25, -0.5]);
    expect(ledger.items.every((e) => e.campaignId === a.campaignId)).toBe(true);
    expect(ledger.items[0]).not.toHaveProperty('metaCost');
    const spend = await billing.spend(JULY);
    expect(spend).toMatchObject({
      total: 0.75,
      byMarket: [{ key: 'India', amount: 0.75, count: 2 }],
      topCampaigns: [{ campaignId: a.campaignId, amount: 0.75 }],
    });
    expect(await billing.campaignCost({ campaignId: a.campaignId })).toMatchObject({
      actual: 0.75,
      charges: 2,
    });
    // The CSV export (served streamed by apps/api at /exports/ledger.csv).
    const csv = await exportLedgerCsv(api.orm.em.fork(), a.tenantId, {
      period: { from: '2026-07-01', to: '2026-07-31' },
    });
    let text = '';
    for await (const chunk of csv.lines) text += chunk;
    expect(text.trim().split('\r\n')).toHaveLength(3);
    expect(text).not.toContain(b.campaignId);

    expect(await codeOf(billing.ledger({ limit: 10, campaignId: b.campaignId }))).toBe('NOT_FOUND');
    expect(await codeOf(billing.campaignCost({ campaignId: b.campaignId }))).toBe('NOT_FOUND');
    expect(await codeOf(billing.spend({ from: '2026-07-31', to: '2026-07-01' }))).toBe('BAD_REQUEST');
  });

  it('keeps the ledger from viewers and every admin procedure from tenant users', async () => {
    const a = await tenantWithCharges([0.1]);
    const viewer = api.browser();
    const invite = await (
      await a.owner.tenant()
    ).members.invite({ email: uniqueEmail('viewer'), role: 'viewer' });
    const invited = (
      await api.orm.em
        .fork()
        .execute<{ email: string }[]>(`select email from invitations where id = ?`, [invite.invitationId])
    )[0]!.email;
    await viewer.signUp({ email: invited, invitationToken: invite.token });
    const asViewer = (await viewer.tenant()).billing;
    expect(await codeOf(asViewer.ledger({ limit: 10 }))).toBe('FORBIDDEN');
    expect(await codeOf(asViewer.balance())).toBe('FORBIDDEN');
    expect(await asViewer.campaignCost({ campaignId: a.campaignId })).toMatchObject({ actual: 0.1 });

    const asOwner = (await a.owner.admin()).billing;
    expect(await codeOf(asOwner.margins(JULY))).toBe('FORBIDDEN');
    expect(await codeOf(asOwner.adjust({ tenantId: a.tenantId, amount: 1_000, reason: 'free money' }))).toBe(
      'FORBIDDEN',
    );
    expect(
      await codeOf(asOwner.setCreditLimit({ tenantId: a.tenantId, creditLimit: 1_000, reason: 'more' })),
    ).toBe('FORBIDDEN');
  });

  it('lets an admin start a draft above the available credit with a reason (audited); the tenant cannot', async () => {
    const owner = api.browser();
    const { tenantId } = await owner.signUp();
    const em = api.orm.em.fork();
    const account = await createAccount(em, tenantId, { tier: 'TIER_UNLIMITED' });
    const templateId = await createTemplate(em, tenantId, account, { category: 'MARKETING' });
    const listId = await createGeneratedList(em, tenantId, 5, 4915200000000 + randomInt(0, 1_000_000) * 1000);
    const asTenant = await owner.tenant();
    const { campaignId } = await asTenant.campaigns.create({
      name: 'over credit',
      accountId: account.id,
      templateId,
      listIds: [listId],
      tagFilter: [],
      variableMapping: { ...FOUR_VARIABLE_MAPPING },
    });
    const asAdmin = (await admin.admin()).billing;
    await asAdmin.setCreditLimit({ tenantId, creditLimit: 0.01, reason: 'new tenant' });
    const refused = await asTenant.campaigns.start({ campaignId }).then(
      () => null,
      (err: { code?: string; cause?: { code?: string } }) => err,
    );
    expect(refused).toMatchObject({ code: 'CONFLICT', cause: { code: 'CREDIT_INSUFFICIENT' } });

    const drafts = await asAdmin.draftCampaigns({ tenantId });
    expect(drafts.items.map((c) => c.id)).toEqual([campaignId]);
    expect(
      await codeOf(
        (await owner.admin()).billing.startOverCredit({ tenantId, campaignId, reason: 'trust me' }),
      ),
    ).toBe('FORBIDDEN');
    expect(await codeOf(asAdmin.startOverCredit({ tenantId, campaignId, reason: '' }))).toBe('BAD_REQUEST');
    const started = await asAdmin.startOverCredit({ tenantId, campaignId, reason: 'paying by invoice' });
    expect(started).toMatchObject({ id: campaignId, status: 'RUNNING' });
    const audits = await api.orm.em
      .fork()
      .execute<{ action: string; actor_email: string }[]>(
        `select action, actor_email from audit_logs where tenant_id = ? and action in ('billing.credit_override', 'campaign.started')`,
        [tenantId],
      );
    expect(audits).toHaveLength(2);
    expect(audits.find((a) => a.action === 'billing.credit_override')).toBeDefined();
    expect(new Set(audits.map((a) => a.actor_email)).size).toBe(1);
    await api.orm.em
      .fork()
      .execute(`update campaigns set status = 'CANCELLED' where id = ?`, [campaignId], 'run');
  });

  it('gives admins billed, Meta cost and margin per tenant', async () => {
    const a = await tenantWithCharges([1, 2]);
    const report = await (await admin.admin()).billing.margins({ ...JULY, tenantId: a.tenantId });
    expect(report.tenants).toEqual([
      expect.objectContaining({ tenantId: a.tenantId, billed: 3, metaCost: 2.4, margin: 0.6, charges: 2 }),
    ]);
  });

  it('adjusts a balance and sets a credit limit with a reason, audited, and the tenant sees both', async () => {
    const a = await tenantWithCharges([]);
    const billing = (await admin.admin()).billing;
    expect(await codeOf(billing.adjust({ tenantId: a.tenantId, amount: 10, reason: '  ' }))).toBe(
      'BAD_REQUEST',
    );
    expect(await codeOf(billing.adjust({ tenantId: a.tenantId, amount: 0, reason: 'nothing' }))).toBe(
      'BAD_REQUEST',
    );
    await billing.adjust({ tenantId: a.tenantId, amount: 40, reason: 'prepaid by bank transfer' });
    await billing.adjust({ tenantId: a.tenantId, amount: -15, reason: 'refund of a duplicate' });
    await billing.setCreditLimit({ tenantId: a.tenantId, creditLimit: 100, reason: 'approved by finance' });

    const balance = await (await a.owner.tenant()).billing.balance();
    expect(Number(balance.balance)).toBe(25);
    expect(Number(balance.creditLimit)).toBe(100);
    expect(Number(balance.available)).toBe(125);
    const ledger = await (await a.owner.tenant()).billing.ledger({ limit: 10, kind: 'adjustment' });
    expect(ledger.items.map((e) => [e.amount, e.reason, e.balanceAfter])).toEqual([
      [-15, 'refund of a duplicate', 25],
      [40, 'prepaid by bank transfer', 40],
    ]);
    const audit = await api.orm.em
      .fork()
      .execute<{ action: string }[]>(
        `select action from audit_logs where tenant_id = ? and action like 'billing.%' order by id`,
        [a.tenantId],
      );
    expect(audit.map((r) => r.action)).toHaveLength(3);
  });

  it('stages an uploaded card with row-level errors or its difference, then applies it from its date', async () => {
    const billing = (await admin.admin()).billing;
    // A day no other run uses: rates are unique per market, category, model and effective date.
    const day = `2${String(randomInt(100, 999))}-0${randomInt(1, 10)}-1${randomInt(0, 10)}`;
    const market = `Testland ${randomBytes(3).toString('hex')}`;
    const bad = await billing.stageRateCard({
      effectiveFrom: day,
      csv: `market,country_codes,category,rate\n${market},999,marketing,abc\n${market},999,weekly,0.1\n`,
    });
    expect(bad.rateCardId).toBeNull();
    expect(bad.diff).toBeNull();
    expect(bad.errors.map((e) => [e.line, e.field])).toEqual([
      [2, 'rate'],
      [3, 'category'],
    ]);

    const good = await billing.stageRateCard({
      effectiveFrom: day,
      csv: `market,country_codes,category,rate\n${market},999,marketing,0.0123\n`,
    });
    expect(good.errors).toEqual([]);
    expect(good.diff!.added).toEqual([
      expect.objectContaining({ market, category: 'marketing', from: null, to: '0.012300' }),
    ]);
    expect((await billing.rateCard({ date: day })).rates.some((r) => r.market === market)).toBe(false);

    await billing.applyRateCard({ rateCardId: good.rateCardId! });
    const inForce = await billing.rateCard({ date: day });
    expect(inForce.rates.find((r) => r.market === market && r.category === 'marketing')).toMatchObject({
      rate: '0.012300',
      countryCodes: ['999'],
    });
    expect(await codeOf(billing.applyRateCard({ rateCardId: good.rateCardId! }))).toBe('CONFLICT');
    const audit = await api.orm.em
      .fork()
      .execute<{ action: string }[]>(`select action from audit_logs where target_id = ? order by id`, [
        good.rateCardId,
      ]);
    expect(audit.map((r) => r.action)).toEqual(['billing.rate_card.staged', 'billing.rate_card.applied']);
  });
});
