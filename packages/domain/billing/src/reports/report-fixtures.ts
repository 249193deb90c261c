/**
 * Tests only: a tenant (in a timezone) with a number, a template and campaigns, and ledger rows
 * written straight to the table, so report queries are checked against known sums.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { Campaign, Template, Tenant, WhatsappAccount, type EntityManager } from '@dbulk/db';

const digits = (n: number) =>
  Array.from({ length: n }, (_, i) => String(i === 0 ? randomInt(1, 10) : randomInt(0, 10))).join('');

export async function createReportTenant(
  em: EntityManager,
  options: { timezone?: string; campaigns?: number; estimatedCost?: string } = {},
) {
  const tag = randomBytes(5).toString('hex');
  const fork = em.fork();
  const tenant = fork.create(Tenant, { name: `billing reports ${tag}`, timezone: options.timezone ?? 'UTC' });
  const wabaId = digits(15);
  const account = fork.create(WhatsappAccount, {
    tenant,
    wabaId,
    phoneNumberId: digits(15),
    accessTokenCiphertext: 'x',
    accessTokenKeyId: 'test',
  });
  const template = fork.create(Template, {
    tenant,
    account,
    wabaId,
    name: `t_${tag}`,
    language: 'en_US',
    category: 'MARKETING',
    components: [],
    status: 'APPROVED',
  });
  const campaigns = Array.from({ length: options.campaigns ?? 2 }, (_, i) =>
    fork.create(Campaign, {
      tenant,
      name: `campaign ${i + 1} ${tag}`,
      account,
      template,
      status: 'COMPLETED',
      estimatedCost: options.estimatedCost ?? null,
    }),
  );
  await fork.flush();
  return { tenantId: tenant.id, campaignIds: campaigns.map((c) => c.id) };
}

export interface TestEntry {
  kind?: 'charge' | 'adjustment';
  /** Signed: charges negative. */
  amount: string;
  metaCost?: string;
  category?: string | null;
  market?: string | null;
  campaignId?: string | null;
  occurredAt: string;
  reason?: string | null;
}

/** Inserts entries in order with a running balance; returns their ids. */
export async function insertEntries(
  em: EntityManager,
  tenantId: string,
  entries: TestEntry[],
): Promise<string[]> {
  const rows = entries.map((e, n) => ({
    n,
    kind: e.kind ?? 'charge',
    amount: e.amount,
    meta_cost: e.metaCost ?? '0',
    category: e.category === undefined ? 'marketing' : e.category,
    market: e.market === undefined ? 'India' : e.market,
    campaign_id: e.campaignId ?? null,
    occurred_at: e.occurredAt,
    reason: e.reason ?? null,
    source_ref: `test:${randomBytes(8).toString('hex')}`,
  }));
  const inserted = await em.fork().execute<{ id: string }[]>(
    `insert into ledger_entries (tenant_id, kind, amount, meta_cost, currency, category, market, pricing_model, campaign_id, source_ref, balance_after, reason, occurred_at, created_at)
     select ?::uuid, x.kind, x.amount, x.meta_cost, 'USD', x.category, x.market, 'PMP', x.campaign_id, x.source_ref,
            sum(x.amount) over (order by x.n), x.reason, x.occurred_at, now()
     from jsonb_to_recordset(?::jsonb) as x(kind text, amount numeric, meta_cost numeric, category text, market text,
          campaign_id uuid, source_ref text, reason text, occurred_at timestamptz, n int)
     order by x.n
     returning id`,
    [tenantId, JSON.stringify(rows)],
  );
  return inserted.map((r) => String(r.id));
}

export async function deleteReportTenants(em: EntityManager, tenantIds: string[]) {
  if (tenantIds.length === 0) return;
  const fork = em.fork();
  const ids = [JSON.stringify(tenantIds)];
  const these = `(select (jsonb_array_elements_text(?::jsonb))::uuid)`;
  await fork.execute(`delete from ledger_entries where tenant_id in ${these}`, ids, 'run');
  await fork.execute(`delete from tenant_balances where tenant_id in ${these}`, ids, 'run');
  await fork.execute(`delete from tenants where id in ${these}`, ids, 'run');
}
