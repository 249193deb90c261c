/**
 * Campaign start and billing against PostgreSQL: preflight quotes what start holds; a quote above
 * the available credit refuses the start with both amounts and writes nothing; an admin override
 * starts it (audited). Recipients are German numbers (+49 marketing 0.1365 in the shipped card).
 */
import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrm, type MikroORM } from '@dbulk/db';
import { adjustBalance, balanceOf, setCreditLimit } from '@dbulk/domain-billing';
import type { TenantActor } from '@dbulk/domain-tenancy';
import { testStack } from '@dbulk/testing';
import { createCampaign } from './campaigns-drafts.service';
import { controlCampaign } from './control.service';
import { preflightCampaign } from './preflight.service';
import { startCampaign } from './start.service';
import {
  createAccount,
  createGeneratedList,
  createTemplate,
  createTenant,
  FOUR_VARIABLE_MAPPING,
} from './testing';

let orm: MikroORM;
const tenants: string[] = [];
const em = () => orm.em.fork();
const admin = { userId: null, email: 'billing-admin@example.test', ip: null };
const actor = (tenantId: string): TenantActor => ({
  userId: randomUUID(),
  email: 'start-billing@example.test',
  ip: null,
  tenantId,
  role: 'owner',
});

beforeAll(async () => {
  orm = await createOrm({ url: testStack().databaseUrl, poolMax: 4 });
});

afterAll(async () => {
  const ids = JSON.stringify(tenants);
  await em().execute(
    `delete from ledger_entries where tenant_id in (select (jsonb_array_elements_text(?::jsonb))::uuid)`,
    [ids],
    'run',
  );
  await em().execute(
    `delete from tenant_balances where tenant_id in (select (jsonb_array_elements_text(?::jsonb))::uuid)`,
    [ids],
    'run',
  );
  await em().execute(
    `delete from tenants where id in (select (jsonb_array_elements_text(?::jsonb))::uuid)`,
    [ids],
    'run',
  );
  await orm.close(true);
});

async function draft(recipients: number, markup = '0') {
  const tenantId = await createTenant(em());
  tenants.push(tenantId);
  await em().execute(`update tenants set markup_percent = ? where id = ?`, [markup, tenantId], 'run');
  const account = await createAccount(em(), tenantId, { tier: 'TIER_UNLIMITED' });
  const templateId = await createTemplate(em(), tenantId, account, { category: 'MARKETING' });
  const listId = await createGeneratedList(
    em(),
    tenantId,
    recipients,
    4915100000000 + randomInt(0, 1_000_000) * 1000,
  );
  const { campaignId } = await createCampaign(em(), actor(tenantId), {
    name: 'billing test',
    accountId: account.id,
    templateId,
    listIds: [listId],
    tagFilter: [],
    variableMapping: { ...FOUR_VARIABLE_MAPPING },
  });
  return { tenantId, campaignId };
}

const campaignRow = async (id: string) =>
  (
    await em().execute<
      { status: string; estimated_cost: string | null; messages: number; hold: string | null }[]
    >(
      `select c.status, c.estimated_cost::text, (select count(*)::int from campaign_messages where campaign_id = c.id) as messages,
            (select amount::text from credit_holds where campaign_id = c.id) as hold from campaigns c where c.id = ?`,
      [id],
    )
  )[0]!;

describe('starting a campaign under billing', () => {
  it('holds the quote preflight showed, with markup, when the tenant has no credit control', async () => {
    const { tenantId, campaignId } = await draft(10, '10');
    const preflight = await preflightCampaign(em(), tenantId, campaignId);
    expect(preflight.estimatedCost).toBe('1.501500'); // 10 × 0.1365 × 1.10
    expect(preflight.cost.lines).toEqual([
      { market: 'Germany', count: 10, rate: '0.150150', amount: '1.501500' },
    ]);
    await startCampaign(em(), {}, actor(tenantId), campaignId);
    expect(await campaignRow(campaignId)).toMatchObject({
      status: 'RUNNING',
      estimated_cost: '1.501500',
      hold: '1.501500',
      messages: 10,
    });
    expect(await balanceOf(em(), tenantId)).toMatchObject({ held: '1.501500', available: null });
  });

  it('refuses a quote above the available credit, naming both amounts, and writes nothing', async () => {
    const { tenantId, campaignId } = await draft(10);
    await setCreditLimit(em(), admin, { tenantId, creditLimit: 1, reason: 'test' });
    await adjustBalance(em(), admin, { tenantId, amount: 0.2, reason: 'prepaid' });
    await expect(startCampaign(em(), {}, actor(tenantId), campaignId)).rejects.toMatchObject({
      code: 'CREDIT_INSUFFICIENT',
      details: { quote: '1.365000', available: '1.200000' },
      message: expect.stringContaining('1.365000 USD exceeds the available credit of 1.200000 USD'),
    });
    expect(await campaignRow(campaignId)).toMatchObject({ status: 'DRAFT', messages: 0, hold: null });
  });

  it('starts above the credit with an admin override (audited), and a second campaign then finds less credit', async () => {
    const { tenantId, campaignId } = await draft(10);
    await setCreditLimit(em(), admin, { tenantId, creditLimit: 2, reason: 'test' });
    await startCampaign(em(), {}, actor(tenantId), campaignId);
    expect(await balanceOf(em(), tenantId)).toMatchObject({ held: '1.365000', available: '0.635000' });
    const second = await createCampaign(em(), actor(tenantId), {
      name: 'second',
      accountId: (
        await em().execute<{ account_id: string }[]>(`select account_id from campaigns where id = ?`, [
          campaignId,
        ])
      )[0]!.account_id,
      templateId: (
        await em().execute<{ template_id: string }[]>(`select template_id from campaigns where id = ?`, [
          campaignId,
        ])
      )[0]!.template_id,
      listIds: (
        await em().execute<{ list_ids: string[] }[]>(`select list_ids from campaigns where id = ?`, [
          campaignId,
        ])
      )[0]!.list_ids,
      tagFilter: [],
      variableMapping: { ...FOUR_VARIABLE_MAPPING },
    });
    await expect(startCampaign(em(), {}, actor(tenantId), second.campaignId)).rejects.toMatchObject({
      code: 'CREDIT_INSUFFICIENT',
    });
    await startCampaign(em(), {}, actor(tenantId), second.campaignId, {
      creditOverride: { actor: admin, reason: 'trusted' },
    });
    expect(await campaignRow(second.campaignId)).toMatchObject({ status: 'RUNNING', hold: '1.365000' });
    const audits = await em().execute<{ action: string }[]>(
      `select action from audit_logs where tenant_id = ? and action like 'billing.%' order by created_at`,
      [tenantId],
    );
    expect(audits.map((a) => a.action)).toEqual(['billing.credit_limit_set', 'billing.credit_override']);
    expect((await balanceOf(em(), tenantId)).available).toBe('-0.730000');
  });

  it('refuses to resume a campaign paused for lack of credit until credit is added', async () => {
    const { tenantId, campaignId } = await draft(2);
    await setCreditLimit(em(), admin, { tenantId, creditLimit: 1, reason: 'test' });
    await startCampaign(em(), {}, actor(tenantId), campaignId);
    // What the processor does when charges use up the hold and the credit.
    await em().execute(
      `update credit_holds set consumed = amount where campaign_id = ?`,
      [campaignId],
      'run',
    );
    await adjustBalance(em(), admin, { tenantId, amount: -1, reason: 'charges, simulated' });
    await em().execute(
      `update campaigns set status = 'PAUSED', status_code = 'CREDIT_EXHAUSTED' where id = ?`,
      [campaignId],
      'run',
    );
    await expect(controlCampaign(em(), {}, actor(tenantId), campaignId, 'resume')).rejects.toMatchObject({
      code: 'CREDIT_EXHAUSTED',
      details: { available: '0.000000' },
    });
    await adjustBalance(em(), admin, { tenantId, amount: 5, reason: 'payment received' });
    const resumed = await controlCampaign(em(), {}, actor(tenantId), campaignId, 'resume');
    expect(resumed.status).toBe('RUNNING');
  });
});
