import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueEmail } from '@dbulk/testing';
import { codeOf, createTestApi, type TestApi } from './test/test-api';

describe('opt-out keywords', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(() => api?.close());

  it('shows the multilingual defaults, saves a cleaned list of its own with an audit row, and restores the defaults', async () => {
    const owner = api.browser();
    const { tenantId } = await owner.signUp();
    const trpc = await owner.tenant();
    const initial = await trpc.optOuts.settings();
    expect(initial).toMatchObject({ custom: false, alwaysHonoured: ['STOP'], optInKeywords: ['START', 'UNSTOP'] });
    expect(initial.keywords).toEqual(expect.arrayContaining(['STOP', 'BAJA', 'ARRÊT', '退订']));

    const saved = await trpc.optOuts.setKeywords({ keywords: [' Basta ', 'BASTA', 'arrêt', 'Ya no'] });
    expect(saved).toMatchObject({ custom: true, keywords: ['Basta', 'arrêt', 'Ya no'] });
    const [row] = await api.orm.em.fork().execute<{ opt_out_keywords: string[] }[]>(`select opt_out_keywords from tenants where id = ?`, [tenantId]);
    expect(row!.opt_out_keywords).toEqual(['Basta', 'arrêt', 'Ya no']);
    const audit = await api.orm.em.fork().execute<{ action: string; changes: { after: { keywords: string[] } } }[]>(
      `select action, changes from audit_logs where tenant_id = ? and action = 'tenant.opt_out_keywords.updated'`,
      [tenantId],
    );
    expect(audit).toEqual([{ action: 'tenant.opt_out_keywords.updated', changes: expect.objectContaining({ after: { keywords: ['Basta', 'arrêt', 'Ya no'] } }) }]);

    expect(await trpc.optOuts.setKeywords({ keywords: null })).toMatchObject({ custom: false });
  });

  it('refuses an empty list and members below admin', async () => {
    const owner = api.browser();
    await owner.signUp();
    const trpc = await owner.tenant();
    expect(await codeOf(trpc.optOuts.setKeywords({ keywords: [] }))).toBe('BAD_REQUEST');
    expect(await codeOf(trpc.optOuts.setKeywords({ keywords: ['   '] }))).toBe('BAD_REQUEST');
    const email = uniqueEmail('member');
    const invitation = await trpc.members.invite({ email, role: 'member' });
    const member = api.browser();
    await member.signUp({ email, invitationToken: invitation.token });
    const asMember = await member.tenant();
    expect((await asMember.optOuts.settings()).custom).toBe(false);
    expect(await codeOf(asMember.optOuts.setKeywords({ keywords: ['nope'] }))).toBe('FORBIDDEN');
  });
});
