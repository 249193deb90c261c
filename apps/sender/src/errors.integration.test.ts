import { randomUUID } from 'node:crypto';
import { controlCampaign } from '@dbulk/domain-campaigns';
import { waitFor } from '@dbulk/kafka/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignState, createStack, sandboxControl, seedCampaign, startWorker, type Stack } from './test/harness';
import { sleep } from './test/sandbox-sends';

let stack: Stack;

beforeAll(async () => {
  stack = await createStack('sender-errors');
  await startWorker(stack, { PLANNER_ENABLED: 'true' });
}, 60_000);

afterAll(async () => stack?.close(), 60_000);

describe('Meta errors by class', () => {
  it('an expired token (190) pauses the campaign with a reason, returns its rows to PENDING and audits it as system', async () => {
    const s = await seedCampaign(stack, { count: 50 });
    // A second RUNNING campaign on the same number: Meta's refusal is about the number, so it pauses too.
    const [second] = await stack.sql<{ id: string }>(
      `insert into campaigns (id, tenant_id, name, account_id, template_id, status, category, started_at, total, pending, created_at, updated_at)
       select ?, tenant_id, 'second', account_id, template_id, 'RUNNING', category, now(), 5, 5, now(), now() from campaigns where id = ? returning id`,
      [randomUUID(), s.campaignId],
    );
    await stack.sql(
      `insert into campaign_messages (tenant_id, campaign_id, phone, status) select ?, ?, '+4917' || lpad(g::text, 8, '0'), 'PENDING' from generate_series(1, 5) g`,
      [s.tenantId, second!.id],
    );
    await sandboxControl(stack, 'PATCH', `/tokens/${s.token}`, { expires_in_seconds: -1 });
    await waitFor(async () => (await campaignState(stack, s.campaignId)).campaign.status === 'PAUSED', { timeoutMs: 20_000, what: 'campaign paused' });
    await waitFor(async () => (await campaignState(stack, s.campaignId)).recount.PENDING === 50, { timeoutMs: 10_000, what: 'every row back to PENDING' });
    await waitFor(async () => (await campaignState(stack, second!.id)).campaign.status === 'PAUSED', { timeoutMs: 10_000, what: 'the second campaign paused' });

    const { campaign, countersMatch } = await campaignState(stack, s.campaignId);
    expect(campaign.status_code).toBe('META_190');
    expect(String(campaign.status_reason)).toMatch(/access token expired.*Reconnect or revalidate.*resume/);
    expect(countersMatch).toBe(true);
    expect((await campaignState(stack, second!.id)).campaign.status_code).toBe('META_190');
    const audit = await stack.sql<{ actor_email: string; action: string }>(`select actor_email, action from audit_logs where target_id = ?`, [s.campaignId]);
    expect(audit).toEqual([{ actor_email: 'system', action: 'campaign.paused' }]);
    const sends = await sandboxControl(stack, 'GET', `/sent?phone_number_id=${s.phoneNumberId}`);
    expect(sends.data).toEqual([]);

    // The number is broken with Meta's answer, audited once as system; resume refuses until it is reconnected.
    const [account] = await stack.sql<{ id: string; status: string; status_reason: string }>(
      `select a.id, a.status, a.status_reason from whatsapp_accounts a join campaigns c on c.account_id = a.id where c.id = ?`, [s.campaignId],
    );
    expect(account).toMatchObject({ status: 'broken', status_reason: expect.stringMatching(/190/) });
    const accountAudit = await stack.sql<{ actor_email: string; action: string }>(`select actor_email, action from audit_logs where target_id = ?`, [account!.id]);
    expect(accountAudit).toEqual([{ actor_email: 'system', action: 'whatsapp.account.broken' }]);
    const actor = { userId: randomUUID(), tenantId: s.tenantId, role: 'owner' as const, email: 'owner@example.test', ip: null };
    await expect(controlCampaign(stack.orm.em.fork(), {}, actor, s.campaignId, 'resume')).rejects.toMatchObject({ code: 'CAMPAIGN_ACCOUNT_NOT_CONNECTED' });
    expect((await campaignState(stack, s.campaignId)).campaign.status).toBe('PAUSED');
  }, 60_000);

  it('131050 suppresses marketing, 131026 flags the recipient, a cut connection is ambiguous and never resent', async () => {
    const s = await seedCampaign(stack, { count: 40, category: 'MARKETING' });
    const digits = s.phones.map((p) => p.slice(1));
    const byIndex = new Map(digits.map((d, i) => [d, i]));
    stack.proxy.inject = (to) => {
      const i = byIndex.get(to);
      if (i === undefined) return undefined;
      if (i < 5) return { status: 400, code: 131050, message: 'user stopped marketing' };
      if (i < 10) return { status: 400, code: 131026, message: 'undeliverable' };
      if (i < 12) return 'cut';
      if (i === 12) return { status: 400, code: 132000, message: 'parameter count mismatch' };
      return undefined;
    };
    try {
      await waitFor(async () => {
        const { recount } = await campaignState(stack, s.campaignId);
        return recount.ACCEPTED === 27 && recount.FAILED === 13;
      }, { timeoutMs: 30_000, what: '27 accepted and 13 failed' });
      await sleep(1_500);
    } finally {
      stack.proxy.inject = () => undefined;
    }
    const rows = await stack.sql<{ phone: string; status: string; error_code: number | null; reason: string | null; needs_review: boolean; attempts: number }>(
      `select phone, status, error_code, reason, needs_review, attempts from campaign_messages where campaign_id = ? order by id`, [s.campaignId],
    );
    const at = (i: number) => rows.find((r) => r.phone === s.phones[i])!;
    expect(at(0)).toMatchObject({ status: 'FAILED', error_code: 131050, needs_review: false });
    expect(at(5)).toMatchObject({ status: 'FAILED', error_code: 131026 });
    expect(at(10)).toMatchObject({ status: 'FAILED', reason: 'ambiguous', needs_review: true, attempts: 1 });
    expect(at(12)).toMatchObject({ status: 'FAILED', error_code: 132000, reason: 'request_invalid' });
    // The ambiguous ones reached the proxy once and were never tried again.
    expect(stack.proxy.seen.filter((x) => x.to === digits[10] || x.to === digits[11])).toHaveLength(2);

    const suppressions = await stack.sql<{ phone: string; scope: string; source: string; reason: string }>(
      `select phone, scope, source, reason from suppressions where tenant_id = ? and lifted_at is null order by phone`, [s.tenantId],
    );
    expect(suppressions.filter((x) => x.scope === 'marketing').map((x) => x.phone).sort()).toEqual(s.phones.slice(0, 5).sort());
    expect(suppressions.filter((x) => x.scope === 'all').map((x) => x.phone).sort()).toEqual(s.phones.slice(5, 10).sort());
    expect(suppressions.every((x) => x.source === 'meta_error')).toBe(true);
    expect(suppressions.find((x) => x.scope === 'all')!.reason).toBe('not on WhatsApp / undeliverable');
    expect((await campaignState(stack, s.campaignId)).countersMatch).toBe(true);
  }, 60_000);
});
