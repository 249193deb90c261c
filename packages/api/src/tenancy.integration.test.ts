import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog, Invitation, User } from '@dbulk/db';
import { ensurePlatformAdmin } from '@dbulk/domain-tenancy';
import { uniqueEmail, unique } from '@dbulk/testing';
import { codeOf, createTestApi, type TestApi, type TestBrowser } from './test/test-api';

describe('tenancy', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(() => api?.close());

  async function ownerWithTenant() {
    const owner = api.browser();
    const account = await owner.signUp();
    return { owner, account };
  }

  async function invite(owner: TestBrowser, role: 'admin' | 'member' | 'viewer') {
    const email = uniqueEmail(role);
    const invitation = await (await owner.tenant()).members.invite({ email, role });
    const browser = api.browser();
    const joined = await browser.signUp({ email, invitationToken: invitation.token });
    return { browser, email, userId: joined.userId, invitation };
  }

  it('creates a second tenant, switches between them, and refuses a tenant the user is not in', async () => {
    const { owner, account } = await ownerWithTenant();
    const second = await (await owner.tenant()).tenants.create({ name: 'Second Co' });
    expect((await (await owner.tenant()).tenants.current()).name).toBe('Second Co');
    await (await owner.tenant()).tenants.switch({ tenantId: account.tenantId });
    expect((await (await owner.tenant()).tenants.current()).id).toBe(account.tenantId);
    const me = await (await owner.tenant()).auth.me();
    expect(me?.memberships.map((m) => m.tenantId).sort()).toEqual([account.tenantId, second.tenantId].sort());
    const stranger = await ownerWithTenant();
    expect(await codeOf((await owner.tenant()).tenants.switch({ tenantId: stranger.account.tenantId }))).toBe('FORBIDDEN');
  });

  it('invites a member who signs up through the link and appears with their role', async () => {
    const { owner, account } = await ownerWithTenant();
    const email = uniqueEmail('invitee');
    const invitation = await (await owner.tenant()).members.invite({ email, role: 'member' });
    expect(invitation.acceptPath).toBe(`/invitations/${invitation.token}`);
    expect(await (await owner.tenant()).members.invitations()).toEqual([expect.objectContaining({ email, role: 'member' })]);
    const preview = await (await api.browser().tenant()).invitations.byToken({ token: invitation.token });
    expect(preview).toMatchObject({ email, role: 'member', expired: false, accepted: false });
    // Only the token's hash is stored.
    const row = await api.orm.em.fork().findOneOrFail(Invitation, { id: invitation.invitationId });
    expect(row.tokenHash).not.toBe(invitation.token);

    const invitee = api.browser();
    const joined = await invitee.signUp({ email, invitationToken: invitation.token });
    expect(joined.tenantId).toBe(account.tenantId);
    const members = await (await owner.tenant()).members.list();
    expect(members.find((m) => m.email === email)?.role).toBe('member');
    expect(await (await owner.tenant()).members.invitations()).toEqual([]);
    // A used link cannot be used again.
    expect(await codeOf(api.browser().signUp({ email: uniqueEmail(), invitationToken: invitation.token }))).toMatch(/CONFLICT|FORBIDDEN/);
  });

  it('lets an existing user accept an invitation addressed to them, and no one else', async () => {
    const { owner, account } = await ownerWithTenant();
    const other = await ownerWithTenant();
    const invitation = await (await owner.tenant()).members.invite({ email: other.account.email, role: 'viewer' });
    const intruder = await ownerWithTenant();
    expect(await codeOf((await intruder.owner.tenant()).invitations.accept({ token: invitation.token }))).toBe('FORBIDDEN');
    await (await other.owner.tenant()).invitations.accept({ token: invitation.token });
    expect((await (await other.owner.tenant()).tenants.current()).id).toBe(account.tenantId);
    expect((await (await other.owner.tenant()).tenants.current()).role).toBe('viewer');
  });

  it('refuses revoked and duplicate invitations', async () => {
    const { owner } = await ownerWithTenant();
    const member = await invite(owner, 'member');
    expect(await codeOf((await owner.tenant()).members.invite({ email: member.email, role: 'viewer' }))).toBe('CONFLICT');
    const pending = await (await owner.tenant()).members.invite({ email: uniqueEmail(), role: 'viewer' });
    await (await owner.tenant()).members.revokeInvitation({ invitationId: pending.invitationId });
    expect((await (await api.browser().tenant()).invitations.byToken({ token: pending.token })).expired).toBe(true);
    expect(await codeOf(api.browser().signUp({ email: uniqueEmail(), invitationToken: pending.token }))).toBe('CONFLICT');
  });

  it('enforces roles: viewers read, members cannot invite, admins cannot touch owners', async () => {
    const { owner } = await ownerWithTenant();
    const viewer = await invite(owner, 'viewer');
    const admin = await invite(owner, 'admin');
    expect(await codeOf((await viewer.browser.tenant()).members.list())).toBe('OK');
    expect(await codeOf((await viewer.browser.tenant()).members.invite({ email: uniqueEmail(), role: 'viewer' }))).toBe('FORBIDDEN');
    expect(await codeOf((await viewer.browser.tenant()).audit.list())).toBe('FORBIDDEN');
    expect(await codeOf((await admin.browser.tenant()).members.changeRole({ userId: viewer.userId, role: 'member' }))).toBe('OK');
    expect(await codeOf((await admin.browser.tenant()).members.changeRole({ userId: viewer.userId, role: 'owner' }))).toBe('FORBIDDEN');
    const ownerId = (await (await owner.tenant()).auth.me())!.user.id;
    expect(await codeOf((await admin.browser.tenant()).members.remove({ userId: ownerId }))).toBe('FORBIDDEN');
  });

  it('keeps at least one owner', async () => {
    const { owner } = await ownerWithTenant();
    const ownerId = (await (await owner.tenant()).auth.me())!.user.id;
    expect(await codeOf((await owner.tenant()).members.changeRole({ userId: ownerId, role: 'admin' }))).toBe('CONFLICT');
    expect(await codeOf((await owner.tenant()).members.remove({ userId: ownerId }))).toBe('CONFLICT');
    const second = await invite(owner, 'admin');
    await (await owner.tenant()).members.changeRole({ userId: second.userId, role: 'owner' });
    expect(await codeOf((await owner.tenant()).members.changeRole({ userId: ownerId, role: 'admin' }))).toBe('OK');
  });

  it('removes a member, who then loses access at once', async () => {
    const { owner } = await ownerWithTenant();
    const member = await invite(owner, 'member');
    await (await owner.tenant()).members.remove({ userId: member.userId });
    expect(await codeOf((await member.browser.tenant()).members.list())).toBe('FORBIDDEN');
  });

  it('writes the audit row in the same transaction as the change, and none for a failed change', async () => {
    const { owner, account } = await ownerWithTenant();
    const member = await invite(owner, 'member');
    await (await owner.tenant()).members.changeRole({ userId: member.userId, role: 'viewer' });
    const em = api.orm.em.fork();
    const changed = await em.findOneOrFail(AuditLog, { tenantId: account.tenantId, action: 'member.role_changed' });
    expect(changed.changes).toEqual({ before: { role: 'member' }, after: { role: 'viewer' } });
    expect(changed.actorEmail).toBe(account.email);
    expect(changed.ip).toBe('127.0.0.1');
    const before = await em.count(AuditLog, { tenantId: account.tenantId });
    const ownerId = (await (await owner.tenant()).auth.me())!.user.id;
    await codeOf((await owner.tenant()).members.changeRole({ userId: ownerId, role: 'viewer' }));
    expect(await em.count(AuditLog, { tenantId: account.tenantId })).toBe(before);
    const page = await (await owner.tenant()).audit.list({ limit: 2 });
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).not.toBeNull();
    const next = await (await owner.tenant()).audit.list({ cursor: page.nextCursor!, limit: 100 });
    expect(Number(next.items[0]!.id)).toBeLessThan(Number(page.items[1]!.id));
  });

  it('streams new audit rows of the current tenant live, and only those', async () => {
    const { owner, account } = await ownerWithTenant();
    const other = await ownerWithTenant();
    const controller = new AbortController();
    const caller = await owner.tenant();
    // The caller passes a signal through at runtime; its public type does not name it.
    const onNew = caller.audit.onNew as unknown as (input: undefined, options: { signal: AbortSignal }) => Promise<unknown>;
    const stream = await onNew(undefined, { signal: controller.signal });
    // Through createCaller a tracked event is the [id, data] envelope (over SSE it is { id, data }).
    const iterator = (stream as AsyncIterable<[string, { action: string; tenantId: string }]>)[Symbol.asyncIterator]();
    const first = iterator.next();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await (await other.owner.tenant()).members.invite({ email: uniqueEmail(), role: 'viewer' });
    await (await owner.tenant()).members.invite({ email: uniqueEmail('live'), role: 'member' });
    const event = await Promise.race([first, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no event within 5 s')), 5000))]);
    expect(event.value?.[1]).toMatchObject({ action: 'member.invited', tenantId: account.tenantId });
    controller.abort();
  });

  describe('platform admins', () => {
    let admin: TestBrowser;
    beforeAll(async () => {
      const email = uniqueEmail('admin');
      await ensurePlatformAdmin(api.orm.em.fork(), { email, password: 'platform admin password' });
      admin = api.browser();
      await (await admin.admin()).auth.signIn({ email, password: 'platform admin password' });
    });

    it('lists and finds tenants by name with member counts', async () => {
      const name = unique('Findable');
      const owner = api.browser();
      await owner.signUp({ tenantName: name });
      const page = await (await admin.admin()).tenants.list({ search: name, limit: 10 });
      expect(page.items).toEqual([expect.objectContaining({ name, memberCount: 1, status: 'active', sendingEnabled: true })]);
      const detail = await (await admin.admin()).tenants.byId({ tenantId: page.items[0]!.id });
      expect(detail.members).toHaveLength(1);
    });

    it('suspends a tenant, which locks its members out until reactivated', async () => {
      const { owner, account } = await ownerWithTenant();
      await (await admin.admin()).tenants.setStatus({ tenantId: account.tenantId, status: 'suspended', reason: 'unpaid invoices' });
      expect(await codeOf((await owner.tenant()).members.list())).toBe('FORBIDDEN');
      await (await admin.admin()).tenants.setStatus({ tenantId: account.tenantId, status: 'active', reason: 'paid' });
      expect(await codeOf((await owner.tenant()).members.list())).toBe('OK');
    });

    it('stops a tenant sending, with the reason audited', async () => {
      const { account } = await ownerWithTenant();
      const result = await (await admin.admin()).tenants.setSendingEnabled({ tenantId: account.tenantId, enabled: false, reason: 'spam complaints' });
      expect(result.sendingEnabled).toBe(false);
      const row = await api.orm.em.fork().findOneOrFail(AuditLog, { tenantId: account.tenantId, action: 'tenant.sending_disabled' });
      expect(row.changes?.after).toMatchObject({ sendingEnabled: false, reason: 'spam complaints' });
    });

    it('engages and releases the global kill switch, requiring a reason', async () => {
      expect(await codeOf((await admin.admin()).system.setKillSwitch({ engaged: true, reason: '  ' }))).toBe('BAD_REQUEST');
      const engaged = await (await admin.admin()).system.setKillSwitch({ engaged: true, reason: 'incident 42' });
      expect(engaged).toMatchObject({ engaged: true, reason: 'incident 42' });
      expect((await (await admin.admin()).system.settings()).killSwitch.changedByEmail).toMatch(/^admin-/);
      const released = await (await admin.admin()).system.setKillSwitch({ engaged: false, reason: 'resolved' });
      expect(released.engaged).toBe(false);
      const trail = await (await admin.admin()).audit.list({ action: 'system.kill_switch', limit: 2 });
      expect(trail.items.map((i) => i.action)).toEqual(['system.kill_switch.released', 'system.kill_switch.engaged']);
    });

    it('promotes an existing user with create-admin', async () => {
      const { account } = await ownerWithTenant();
      const result = await ensurePlatformAdmin(api.orm.em.fork(), { email: account.email, password: 'a new admin password' });
      expect(result.created).toBe(false);
      expect((await api.orm.em.fork().findOneOrFail(User, { id: account.userId })).isPlatformAdmin).toBe(true);
    });
  });
});
