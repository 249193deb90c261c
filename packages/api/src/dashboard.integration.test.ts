/**
 * The tenant dashboard's procedures: 30-day send stats counted from the tenant's own messages
 * only, and the owner's brake on the tenant's sending (owner only, audited, reflected at once).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog, type EntityManager } from '@dbulk/db';
import { createAccount, createTemplate } from '@dbulk/domain-campaigns/testing';
import { uniqueEmail } from '@dbulk/testing';
import { codeOf, createTestApi, type TestApi, type TestBrowser } from './test/test-api';

async function seedMessages(em: EntityManager, tenantId: string, statuses: [string, number][]) {
  const account = await createAccount(em, tenantId);
  const templateId = await createTemplate(em, tenantId, account, { category: 'UTILITY' });
  const [campaign] = (await em.execute(
    `insert into campaigns (id, created_at, updated_at, tenant_id, name, account_id, template_id, status)
     values (gen_random_uuid(), now(), now(), ?, 'stats', ?, ?, 'RUNNING') returning id`,
    [tenantId, account.id, templateId],
  )) as { id: string }[];
  let n = 0;
  for (const [status, daysAgo] of statuses) {
    n += 1;
    await em.execute(
      `insert into campaign_messages (tenant_id, campaign_id, phone, status, accepted_at)
       values (?, ?, ?, ?, ${daysAgo === null ? 'null' : `now() - interval '${daysAgo} days'`})`,
      [tenantId, campaign!.id, `+49151000${String(n).padStart(5, '0')}`, status],
    );
  }
}

describe('dashboard', () => {
  let api: TestApi;
  let owner: TestBrowser;
  let other: TestBrowser;
  let tenantId: string;
  const em = () => api.orm.em.fork();

  beforeAll(async () => {
    api = await createTestApi();
    owner = api.browser();
    other = api.browser();
    tenantId = (await owner.signUp({ tenantName: 'Dashboard Co' })).tenantId;
    await other.signUp({ tenantName: 'Someone Else' });
  }, 60_000);
  afterAll(async () => {
    await api?.close();
  });

  it('counts the last 30 days of the tenant’s own messages', async () => {
    await seedMessages(em(), tenantId, [
      ['ACCEPTED', 1],
      ['DELIVERED', 2],
      ['READ', 3],
      ['READ', 4],
      ['FAILED', 5],
      ['READ', 45], // outside the window
    ]);
    const stats = await (await owner.tenant()).campaigns.stats();
    expect(stats).toMatchObject({ sent: 5, delivered: 3, read: 2, failed: 1 });
    expect(stats.deliveryRate).toBeCloseTo(0.6);
    const theirs = await (await other.tenant()).campaigns.stats();
    expect(theirs).toMatchObject({ sent: 0, delivered: 0, deliveryRate: null });
  });

  it('lets only the owner stop and resume the tenant’s sending, audited', async () => {
    const email = uniqueEmail('admin');
    const invitation = await (await owner.tenant()).members.invite({ email, role: 'admin' });
    const admin = api.browser();
    await admin.signUp({ email, invitationToken: invitation.token });
    expect(await codeOf((await admin.tenant()).tenants.setSending({ enabled: false, reason: 'no' }))).toBe('FORBIDDEN');

    await (await owner.tenant()).tenants.setSending({ enabled: false, reason: 'wrong list uploaded' });
    expect((await (await owner.tenant()).tenants.current()).sendingEnabled).toBe(false);
    await (await owner.tenant()).tenants.setSending({ enabled: true, reason: 'fixed' });
    expect((await (await owner.tenant()).tenants.current()).sendingEnabled).toBe(true);
    const audits = await em().find(AuditLog, { tenantId, action: { $in: ['tenant.sending_enabled', 'tenant.sending_disabled'] } }, { orderBy: { id: 'asc' } });
    expect(audits.map((a) => a.action)).toEqual(['tenant.sending_disabled', 'tenant.sending_enabled']);
  });
});
