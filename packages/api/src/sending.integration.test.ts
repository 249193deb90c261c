import { randomInt } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WhatsappAccount } from '@dbulk/db';
import { ensurePlatformAdmin } from '@dbulk/domain-tenancy';
import { uniqueEmail } from '@dbulk/testing';
import { codeOf, createTestApi, type TestApi, type TestBrowser } from './test/test-api';

const digits = (n: number) => String(randomInt(1, 10)) + Array.from({ length: n - 1 }, () => randomInt(0, 10)).join('');
const controlRecords = (api: TestApi) => api.produced.filter((p) => p.topic === 'dbulk.control').flatMap((p) => p.records as { value: Record<string, unknown> }[]).map((r) => r.value);

describe('sending controls', () => {
  let api: TestApi;
  let admin: TestBrowser;
  const events = new EventEmitter();

  beforeAll(async () => {
    api = await createTestApi({ events });
    const email = uniqueEmail('admin');
    await ensurePlatformAdmin(api.orm.em.fork(), { email, password: 'platform admin password' });
    admin = api.browser();
    await (await admin.admin()).auth.signIn({ email, password: 'platform admin password' });
  });
  afterAll(() => api?.close());

  async function tenantWithNumber() {
    const owner = api.browser();
    const account = await owner.signUp();
    const phoneNumberId = digits(15);
    const em = api.orm.em.fork();
    em.create(WhatsappAccount, { tenant: account.tenantId, wabaId: digits(15), phoneNumberId, displayPhoneNumber: '15550001111', accessTokenCiphertext: 'x', accessTokenKeyId: 'k', throughputMps: 80 });
    await em.flush();
    return { owner, tenantId: account.tenantId, phoneNumberId };
  }

  it('lists connected numbers and sets and lifts a ceiling, audited and announced to senders', async () => {
    const { tenantId, phoneNumberId } = await tenantWithNumber();
    const sending = (await admin.admin()).sending;
    const row = (await sending.rates()).find((r) => r.phoneNumberId === phoneNumberId);
    expect(row).toMatchObject({ tenantId, throughputMps: 80, rate: 80, ceiling: null, sentLastMinute: 0 });

    expect(await sending.setCeiling({ phoneNumberId, ceiling: 25 })).toMatchObject({ phoneNumberId, ceiling: 25, rate: 25 });
    expect(controlRecords(api)).toContainEqual({ type: 'rate', phoneNumberId, rate: 25 });
    expect(await sending.setCeiling({ phoneNumberId, ceiling: null })).toMatchObject({ ceiling: null });
    expect(controlRecords(api)).toContainEqual({ type: 'rate', phoneNumberId, rate: 80 });

    const audit = await api.orm.em.fork().execute<{ action: string }[]>(`select action from audit_logs where target_id = ? order by id`, [phoneNumberId]);
    expect(audit.map((a) => a.action)).toEqual(['sending.rate_ceiling.set', 'sending.rate_ceiling.lifted']);
  });

  it('refuses unknown numbers, impossible ceilings and callers who are not platform admins', async () => {
    const { owner, phoneNumberId } = await tenantWithNumber();
    const sending = (await admin.admin()).sending;
    expect(await codeOf(sending.setCeiling({ phoneNumberId: digits(15), ceiling: 10 }))).toBe('NOT_FOUND');
    expect(await codeOf(sending.setCeiling({ phoneNumberId, ceiling: 5_000 }))).toBe('BAD_REQUEST');
    expect(await codeOf(sending.setCeiling({ phoneNumberId, ceiling: 0 }))).toBe('BAD_REQUEST');
    expect(await codeOf((await owner.admin()).sending.rates())).toBe('FORBIDDEN');
  });

  it('streams senders’ throughput samples to admins', async () => {
    const controller = new AbortController();
    const stream = await (await admin.admin({ signal: controller.signal })).sending.onThroughput();
    const first = (stream as AsyncIterable<unknown>)[Symbol.asyncIterator]().next();
    await new Promise((r) => setTimeout(r, 20));
    events.emit('event', { tenantId: 't1', type: 'campaign.progress', at: new Date().toISOString(), data: {} });
    events.emit('event', { tenantId: 't1', type: 'sender.throughput', at: '2026-11-25T10:00:00.000Z', data: { phoneNumberId: '123', tenantId: 't1', sent: 42, windowMs: 1_000, rate: 80 } });
    expect((await first).value).toEqual({ phoneNumberId: '123', tenantId: 't1', sent: 42, windowMs: 1_000, rate: 80, at: '2026-11-25T10:00:00.000Z' });
    controller.abort();
  });

  it('announces the kill switch and tenant sending changes on dbulk.control', async () => {
    const { tenantId } = await tenantWithNumber();
    const system = (await admin.admin()).system;
    await system.setKillSwitch({ engaged: true, reason: 'api sending test' });
    await system.setKillSwitch({ engaged: false, reason: 'api sending test over' });
    await (await admin.admin()).tenants.setSendingEnabled({ tenantId, enabled: false, reason: 'billing' });
    const records = controlRecords(api);
    expect(records).toContainEqual({ type: 'kill_switch', engaged: true });
    expect(records).toContainEqual({ type: 'kill_switch', engaged: false });
    expect(records).toContainEqual({ type: 'tenant_sending', tenantId, enabled: false });
  });

  it('lets an owner stop and restart their own sending, but not lift an admin’s stop', async () => {
    const { owner, tenantId } = await tenantWithNumber();
    const tenants = (await owner.tenant()).tenants;
    expect(await tenants.setSending({ enabled: false, reason: 'checking our list' })).toMatchObject({ sendingEnabled: false });
    expect(controlRecords(api)).toContainEqual({ type: 'tenant_sending', tenantId, enabled: false });
    expect(await tenants.setSending({ enabled: true, reason: 'list fixed' })).toMatchObject({ sendingEnabled: true });

    await (await admin.admin()).tenants.setSendingEnabled({ tenantId, enabled: false, reason: 'unpaid invoices' });
    expect(await codeOf(tenants.setSending({ enabled: true, reason: 'please' }))).toBe('FORBIDDEN');
  });
});
