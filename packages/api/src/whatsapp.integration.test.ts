import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog, WhatsappAccount } from '@dbulk/db';
import { startSandbox, type RunningApp } from '@dbulk/testing';
import { codeOf, createTestApi, type TestApi, type TestBrowser } from './test/test-api';

async function sandboxAccount(sandbox: RunningApp, body: Record<string, unknown> = {}) {
  const res = await request(`${sandbox.url}/_sandbox/accounts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.statusCode).toBe(201);
  return (await res.body.json()) as { waba_id: string; phone_number_id: string; access_token: string; display_phone_number: string };
}

describe('whatsapp connection (against the Meta sandbox)', () => {
  let sandbox: RunningApp;
  let api: TestApi;
  let owner: TestBrowser;
  let tenantId: string;

  beforeAll(async () => {
    sandbox = await startSandbox();
    api = await createTestApi({ sandboxUrl: sandbox.url });
    owner = api.browser();
    tenantId = (await owner.signUp({ tenantName: 'Connect Co' })).tenantId;
  }, 60_000);
  afterAll(async () => {
    await api?.close();
    await sandbox?.stop();
  });

  it('validates with Meta, connects, seals the token and never returns it', async () => {
    const acct = await sandboxAccount(sandbox, { verified_name: 'Connect Co', throughput_level: 'HIGH', messaging_limit_tier: 'TIER_10K' });
    const input = { wabaId: acct.waba_id, phoneNumberId: acct.phone_number_id, accessToken: acct.access_token };
    const preview = await (await owner.tenant()).whatsapp.validate(input);
    expect(preview).toMatchObject({ verifiedName: 'Connect Co', displayPhoneNumber: acct.display_phone_number, throughputMps: 1000, messagingLimitTier: 'TIER_10K' });
    const connected = await (await owner.tenant()).whatsapp.connect(input);
    expect(connected).toMatchObject({ status: 'connected', webhookSubscribed: true, isSandbox: false, throughputMps: 1000, messagingLimit: 10_000 });
    expect(JSON.stringify(connected)).not.toContain(acct.access_token);
    const list = await (await owner.tenant()).whatsapp.list();
    expect(JSON.stringify(list)).not.toContain(acct.access_token);
    const row = await api.orm.em.fork().findOneOrFail(WhatsappAccount, { id: connected.id });
    expect(row.accessTokenCiphertext).not.toContain(acct.access_token);
    expect(row.accessTokenCiphertext.startsWith(`v1.${api.deps.whatsapp.keyring.current.id}.`)).toBe(true);
    const audit = await api.orm.em.fork().findOneOrFail(AuditLog, { tenantId, action: 'whatsapp.account.connected' });
    expect(JSON.stringify(audit.changes)).not.toContain(acct.access_token);
  });

  it('names the field Meta objects to', async () => {
    const acct = await sandboxAccount(sandbox);
    const other = await sandboxAccount(sandbox);
    const wrongNumber = (await owner.tenant()).whatsapp.validate({ wabaId: acct.waba_id, phoneNumberId: other.phone_number_id, accessToken: acct.access_token });
    await expect(wrongNumber).rejects.toMatchObject({ message: expect.stringMatching(/does not belong to WhatsApp Business Account/) });
    const badToken = (await owner.tenant()).whatsapp.validate({ wabaId: acct.waba_id, phoneNumberId: acct.phone_number_id, accessToken: 'EAAnot-a-real-token-at-all' });
    await expect(badToken).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/access token is not usable/) });
    const scoped = await sandboxAccount(sandbox, { scopes: ['whatsapp_business_management'] });
    const narrow = (await owner.tenant()).whatsapp.validate({ wabaId: scoped.waba_id, phoneNumberId: scoped.phone_number_id, accessToken: scoped.access_token });
    await expect(narrow).rejects.toMatchObject({ message: expect.stringMatching(/whatsapp_business_messaging/) });
  });

  it('connects a sandbox number of the tenant’s own in one click, and refuses a number another tenant holds', async () => {
    const first = await (await owner.tenant()).whatsapp.connectSandbox();
    expect(first).toMatchObject({ isSandbox: true, status: 'connected', verifiedName: 'Connect Co' });
    const otherOwner = api.browser();
    await otherOwner.signUp();
    const second = await (await otherOwner.tenant()).whatsapp.connectSandbox();
    expect(second.phoneNumberId).not.toBe(first.phoneNumberId);
    // Tenant 2 tries to take tenant 1's number with a valid token for it.
    const acct = await sandboxAccount(sandbox);
    await (await owner.tenant()).whatsapp.connect({ wabaId: acct.waba_id, phoneNumberId: acct.phone_number_id, accessToken: acct.access_token });
    expect(await codeOf((await otherOwner.tenant()).whatsapp.connect({ wabaId: acct.waba_id, phoneNumberId: acct.phone_number_id, accessToken: acct.access_token }))).toBe('CONFLICT');
  });

  it('sends a test message with hello_world and re-validates; a revoked token marks the number broken', async () => {
    const account = await (await owner.tenant()).whatsapp.connectSandbox();
    const sent = await (await owner.tenant()).whatsapp.sendTest({ accountId: account.id, to: '+447700900123', templateName: 'hello_world', language: 'en_US' });
    expect(sent.wamid).toMatch(/^wamid\./);
    const summary = (await (await request(`${sandbox.url}/_sandbox/sent/summary`)).body.json()) as unknown;
    expect(JSON.stringify(summary)).toContain('447700900123');
    const ok = await (await owner.tenant()).whatsapp.revalidate({ accountId: account.id });
    expect(ok.status).toBe('connected');
    const tokens = (await (await request(`${sandbox.url}/_sandbox/accounts`)).body.json()) as { tokens: { token: string; wabaIds: string[] }[] };
    const token = tokens.tokens.find((t) => t.wabaIds.includes(account.wabaId))!.token;
    const expire = await request(`${sandbox.url}/_sandbox/tokens/${encodeURIComponent(token)}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ valid: false }),
    });
    if (expire.statusCode >= 300) throw new Error(`sandbox refused to invalidate: ${await expire.body.text()}`);
    const broken = await (await owner.tenant()).whatsapp.revalidate({ accountId: account.id });
    expect(broken).toMatchObject({ status: 'broken', statusReason: expect.stringMatching(/token/) });
  });

  it('disconnects: the token is destroyed and the number leaves the list', async () => {
    const account = await (await owner.tenant()).whatsapp.connectSandbox();
    await (await owner.tenant()).whatsapp.disconnect({ accountId: account.id });
    const row = await api.orm.em.fork().findOneOrFail(WhatsappAccount, { id: account.id });
    expect(row).toMatchObject({ status: 'disconnected', accessTokenCiphertext: '' });
    expect((await (await owner.tenant()).whatsapp.list()).map((a) => a.id)).not.toContain(account.id);
    expect(await codeOf((await owner.tenant()).whatsapp.byId({ accountId: account.id }))).toBe('NOT_FOUND');
  });

  it('lets viewers look but not connect', async () => {
    const invite = await (await owner.tenant()).members.invite({ email: `viewer-${Date.now()}@example.test`, role: 'viewer' });
    const viewer = api.browser();
    await viewer.signUp({ email: (await (await api.browser().tenant()).invitations.byToken({ token: invite.token })).email, invitationToken: invite.token });
    expect(await codeOf((await viewer.tenant()).whatsapp.list())).toBe('OK');
    expect(await codeOf((await viewer.tenant()).whatsapp.connectSandbox())).toBe('FORBIDDEN');
  });
});
