import { afterEach, describe, expect, it } from 'vitest';
import { auth, PHONE, sendTemplate, testApp, type TestApp } from '../testing/harness';

let t: TestApp;
afterEach(async () => t?.app.close());

const json = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
  const res = await t.app.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  return { status: res.statusCode, body: res.json() as Record<string, unknown> };
};

describe('control API', () => {
  it('answers the probes', async () => {
    t = await testApp();
    expect((await json('GET', '/healthz')).body).toEqual({ status: 'ok' });
    expect((await json('GET', '/readyz')).status).toBe(200);
  });

  it('creates an account with its own hello_world and a working token', async () => {
    t = await testApp();
    const created = await json('POST', '/_sandbox/accounts', { display_phone_number: '15550002222', messaging_limit_tier: 'TIER_2K' });
    expect(created.status).toBe(201);
    const { waba_id: wabaId, access_token: token } = created.body as { waba_id: string; access_token: string };
    const list = await t.app.inject({ method: 'GET', url: `/v25.0/${wabaId}/message_templates?fields=name,status`, headers: auth(token) });
    expect(list.json()).toMatchObject({ data: [{ name: 'hello_world', status: 'APPROVED' }] });
  });

  it('refuses an id already in use with 409', async () => {
    t = await testApp();
    expect((await json('POST', '/_sandbox/accounts', { phone_number_id: PHONE })).status).toBe(409);
  });

  it('validates scenario patches and returns the merged scenario', async () => {
    t = await testApp();
    expect((await json('PUT', '/_sandbox/scenario', { duplicateRate: 3 })).status).toBe(400);
    const updated = await json('PUT', '/_sandbox/scenario', { delays: { readMs: null }, pricingModel: 'CBP' });
    expect(updated.body).toMatchObject({ delays: { sentMs: 300, deliveredMs: 800, readMs: null }, pricingModel: 'CBP' });
  });

  it('counts sends per recipient so a repeat shows up', async () => {
    t = await testApp();
    await sendTemplate(t.app, '15550198762');
    await sendTemplate(t.app, '15550198762');
    await sendTemplate(t.app, '15550198763');
    const summary = (await json('GET', '/_sandbox/sent/summary')).body;
    expect(summary).toMatchObject({ total: 3, unique_recipients: 2, repeated: ['15550198762'] });
    expect((await json('GET', '/_sandbox/sent?to=15550198763')).body.data).toHaveLength(1);
  });

  it('resets state and cancels pending webhooks', async () => {
    t = await testApp();
    await sendTemplate(t.app, '15550198762');
    expect(t.clock.pending).toBeGreaterThan(0);
    await json('POST', '/_sandbox/reset');
    expect(t.clock.pending).toBe(0);
    expect((await json('GET', '/_sandbox/sent/summary')).body).toMatchObject({ total: 0 });
    expect((await sendTemplate(t.app, '15550198762')).statusCode).toBe(200);
  });

  it('advances the clock so 24 h windows and token expiry move', async () => {
    t = await testApp();
    await t.app.inject({ method: 'PATCH', url: '/_sandbox/tokens/sandbox-token', payload: { expires_in_seconds: 3600 } });
    const before = t.clock.now();
    expect((await json('POST', '/_sandbox/clock/advance', { ms: 3_600_000 })).body).toMatchObject({ now: before + 3_600_000 });
    expect((await sendTemplate(t.app, '15550198762')).statusCode).toBe(401);
  });

  it('is absent when control is disabled', async () => {
    t = await testApp({ control: false });
    expect((await json('POST', '/_sandbox/reset')).status).toBe(404);
  });

  it('drops recipients past the messaging limit and reports them', async () => {
    t = await testApp({ scenario: { messagingLimitTier: 'TIER_50' } });
    for (let i = 0; i < 51; i += 1) await sendTemplate(t.app, `1555030${String(i).padStart(4, '0')}`);
    expect((await json('GET', '/_sandbox/limits')).body).toMatchObject({ data: [{ tier: 'TIER_50', limit: 50, unique_recipients_24h: 50, dropped: 1 }] });
    expect((await json('GET', '/_sandbox/sent?outcome=dropped')).body.data).toMatchObject([{ to: '15550300050', dropReason: 'messaging_limit' }]);
    await t.clock.advance(24 * 60 * 60 * 1000);
    expect((await json('GET', '/_sandbox/limits')).body).toMatchObject({ data: [{ unique_recipients_24h: 0 }] });
  });
});
