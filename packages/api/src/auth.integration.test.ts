import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog, Session, User } from '@dbulk/db';
import { uniqueEmail } from '@dbulk/testing';
import { codeOf, createTestApi, type TestApi } from './test/test-api';

function errorOf(call: Promise<unknown>) {
  return call.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (err: { code: string; message: string; cause?: { code?: string } }) => err,
  );
}

describe('auth', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(() => api?.close());

  it('signs up a user as owner of a new tenant and signs them in', async () => {
    const browser = api.browser();
    const account = await browser.signUp({ tenantName: 'Acme Ltd' });
    expect(browser.token).toMatch(/^[a-z2-7]{32}$/);
    const me = await (await browser.tenant()).auth.me();
    expect(me?.user.email).toBe(account.email);
    expect(me?.currentTenantId).toBe(account.tenantId);
    expect(me?.memberships).toEqual([{ tenantId: account.tenantId, tenantName: 'Acme Ltd', role: 'owner' }]);
    // Only the hash of the token is stored.
    const sessions = await api.orm.em.fork().find(Session, { user: account.userId });
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.id).not.toBe(browser.token);
    expect(sessions[0]!.id).toMatch(/^[0-9a-f]{64}$/);
  });

  it('stores an argon2id hash, never the password', async () => {
    const account = await api.browser().signUp();
    const user = await api.orm.em.fork().findOneOrFail(User, { id: account.userId });
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(user.passwordHash).not.toContain(account.password);
  });

  it('refuses a second account with the same email, naming the field', async () => {
    const account = await api.browser().signUp();
    const err = await errorOf(api.browser().signUp({ email: account.email.toUpperCase() }));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toMatch(/already exists/);
  });

  it('names the invalid fields of a malformed sign-up', async () => {
    const err = (await errorOf((await api.browser().tenant()).auth.signUp({ email: 'nope', password: 'short', name: '', tenantName: 'x' }))) as unknown as {
      code: string;
      cause: { issues: { path: string[] }[] };
    };
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.cause.issues.map((i) => i.path[0]).sort()).toEqual(['email', 'name', 'password']);
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    const account = await api.browser().signUp();
    const wrong = await errorOf((await api.browser({ ip: '10.1.0.1' }).tenant()).auth.signIn({ email: account.email, password: 'not the password' }));
    const unknown = await errorOf((await api.browser({ ip: '10.1.0.1' }).tenant()).auth.signIn({ email: uniqueEmail('ghost'), password: 'not the password' }));
    expect([wrong.code, wrong.message]).toEqual([unknown.code, unknown.message]);
    expect(wrong.code).toBe('UNAUTHORIZED');
  });

  it('locks an account after five failures, even for the right password', async () => {
    const account = await api.browser().signUp();
    const attacker = api.browser({ ip: '10.2.0.1' });
    for (let i = 0; i < 5; i++) {
      expect(await codeOf((await attacker.tenant()).auth.signIn({ email: account.email, password: `guess-${i}-guess` }))).toBe('UNAUTHORIZED');
    }
    const owner = api.browser({ ip: '10.2.0.2' });
    const err = await errorOf((await owner.tenant()).auth.signIn({ email: account.email, password: account.password }));
    expect(err.code).toBe('TOO_MANY_REQUESTS');
    expect(err.message).toMatch(/too many failed sign-ins/);
  });

  it('throttles a client IP that fails across many accounts', async () => {
    const ip = `10.3.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const sprayer = api.browser({ ip });
    for (let i = 0; i < 50; i++) {
      await codeOf((await sprayer.tenant()).auth.signIn({ email: uniqueEmail('spray'), password: 'password-spray' }));
    }
    const account = await api.browser().signUp();
    expect(await codeOf((await sprayer.tenant()).auth.signIn({ email: account.email, password: account.password }))).toBe('TOO_MANY_REQUESTS');
    // The same account from elsewhere is fine.
    expect(await codeOf((await api.browser({ ip: '10.3.255.1' }).tenant()).auth.signIn({ email: account.email, password: account.password }))).toBe('OK');
  });

  it('signs out by deleting the session and clearing the cookie', async () => {
    const browser = api.browser();
    await browser.signUp();
    const stolen = browser.token;
    await (await browser.tenant()).auth.signOut();
    expect(browser.token).toBeNull();
    const thief = api.browser();
    thief.token = stolen;
    expect(await (await thief.tenant()).auth.me()).toBeNull();
    expect(await codeOf((await thief.tenant()).members.list())).toBe('UNAUTHORIZED');
  });

  it('revokes every other session when the password changes', async () => {
    const laptop = api.browser();
    const account = await laptop.signUp();
    const phone = api.browser();
    await (await phone.tenant()).auth.signIn({ email: account.email, password: account.password });
    await (await laptop.tenant()).auth.changePassword({ currentPassword: account.password, newPassword: 'a much better passphrase' });
    expect(await (await laptop.tenant()).auth.me()).not.toBeNull();
    expect(await codeOf((await phone.tenant()).tenants.current())).toBe('UNAUTHORIZED');
    expect(await codeOf((await api.browser().tenant()).auth.signIn({ email: account.email, password: 'a much better passphrase' }))).toBe('OK');
    expect(await codeOf((await api.browser().tenant()).auth.signIn({ email: account.email, password: account.password }))).toBe('UNAUTHORIZED');
  });

  it('refuses a password change with the wrong current password', async () => {
    const browser = api.browser();
    await browser.signUp();
    expect(await codeOf((await browser.tenant()).auth.changePassword({ currentPassword: 'wrong password!', newPassword: 'another long one' }))).toBe(
      'UNAUTHORIZED',
    );
  });

  it('treats an expired session as signed out and clears its cookie', async () => {
    const browser = api.browser();
    const account = await browser.signUp();
    await api.orm.em.fork().nativeUpdate(Session, { user: account.userId }, { expiresAt: new Date(Date.now() - 1000) });
    expect(await codeOf((await browser.tenant()).tenants.current())).toBe('UNAUTHORIZED');
    expect(browser.token).toBeNull();
    expect(await api.orm.em.fork().count(Session, { user: account.userId })).toBe(0);
  });

  it('extends a session used in the second half of its life (sliding expiry)', async () => {
    const browser = api.browser();
    const account = await browser.signUp();
    const soon = new Date(Date.now() + 24 * 60 * 60 * 1000);
    await api.orm.em.fork().nativeUpdate(Session, { user: account.userId }, { expiresAt: soon });
    await (await browser.tenant()).auth.me();
    const [session] = await api.orm.em.fork().find(Session, { user: account.userId });
    expect(session!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 60 * 60 * 1000);
  });

  it('rejects a mutation from a foreign or missing Origin (CSRF) and changes nothing', async () => {
    const browser = api.browser();
    const account = await browser.signUp();
    const forged = api.browser({ origin: 'https://evil.example' });
    forged.token = browser.token;
    expect(await codeOf((await forged.tenant()).tenants.create({ name: 'Forged' }))).toBe('FORBIDDEN');
    const bare = api.browser({ origin: null });
    bare.token = browser.token;
    expect(await codeOf((await bare.tenant()).auth.signOut())).toBe('FORBIDDEN');
    // Queries stay readable: they change nothing.
    expect(await codeOf((await forged.tenant()).auth.me())).toBe('OK');
    const me = await (await browser.tenant()).auth.me();
    expect(me?.memberships).toHaveLength(1);
    expect(me?.currentTenantId).toBe(account.tenantId);
  });

  it('audits sign-up and sign-in', async () => {
    const browser = api.browser();
    const account = await browser.signUp();
    await (await api.browser().tenant()).auth.signIn({ email: account.email, password: account.password });
    const actions = (await api.orm.em.fork().find(AuditLog, { actorUserId: account.userId }, { orderBy: { id: 'asc' } })).map((a) => a.action);
    expect(actions).toEqual(['user.signed_up', 'tenant.created', 'user.signed_in']);
  });
});
