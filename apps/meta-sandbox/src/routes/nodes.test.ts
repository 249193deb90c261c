import { afterEach, describe, expect, it } from 'vitest';
import { APP_ID, APP_SECRET, auth, PHONE, testApp, WABA, type TestApp } from '../testing/harness';

let t: TestApp;
afterEach(async () => t?.app.close());

const get = (url: string, token?: string) => t.app.inject({ method: 'GET', url, headers: auth(token) });

describe('phone number and WABA nodes', () => {
  it('answers the default fields of a phone number', async () => {
    t = await testApp();
    expect((await get(`/v25.0/${PHONE}`)).json()).toEqual({ id: PHONE, display_phone_number: '15550000001', verified_name: 'dbulk Sandbox', quality_rating: 'GREEN' });
  });

  it('answers throughput, the portfolio limit and status on request', async () => {
    t = await testApp();
    const res = await get(`/v25.0/${PHONE}?fields=throughput{level},whatsapp_business_manager_messaging_limit,status,name_status`);
    expect(res.json()).toEqual({ throughput: { level: 'STANDARD' }, whatsapp_business_manager_messaging_limit: 'TIER_250', status: 'CONNECTED', name_status: 'APPROVED', id: PHONE });
  });

  it('serves messaging_limit_tier up to v23.0 only', async () => {
    t = await testApp();
    expect((await get(`/v23.0/${PHONE}?fields=messaging_limit_tier`)).json()).toEqual({ messaging_limit_tier: 'TIER_250', id: PHONE });
    expect((await get(`/v24.0/${PHONE}?fields=messaging_limit_tier`)).json()).toMatchObject({
      error: { code: 100, message: '(#100) Tried accessing nonexisting field (messaging_limit_tier) on node type (WhatsAppBusinessPhoneNumber)' },
    });
  });

  it('lists a WABA’s numbers and reads the WABA', async () => {
    t = await testApp();
    expect((await get(`/v25.0/${WABA}/phone_numbers`)).json()).toMatchObject({ data: [{ id: PHONE, display_phone_number: '15550000001' }] });
    expect((await get(`/v25.0/${WABA}?fields=name,currency,timezone_id`)).json()).toMatchObject({ currency: 'USD', timezone_id: '1', id: WABA });
  });

  it('answers 100/33 GraphMethodException for an unknown id', async () => {
    t = await testApp();
    expect((await get('/v25.0/424242424242')).json()).toMatchObject({ error: { code: 100, error_subcode: 33, type: 'GraphMethodException' } });
  });

  it('answers 200 when the token has no access to the WABA', async () => {
    t = await testApp();
    const other = (await t.app.inject({ method: 'POST', url: '/_sandbox/accounts', payload: {} })).json() as { access_token: string };
    const res = await get(`/v25.0/${WABA}/message_templates`, other.access_token);
    expect([res.statusCode, (res.json() as { error: { code: number } }).error.code]).toEqual([403, 200]);
  });
});

describe('register', () => {
  it('registers a number with a 6-digit PIN and refuses another PIN format', async () => {
    t = await testApp();
    const register = (pin: string) => t.app.inject({ method: 'POST', url: `/v25.0/${PHONE}/register`, headers: auth(), payload: { messaging_product: 'whatsapp', pin } });
    expect((await register('123456')).json()).toEqual({ success: true });
    expect((await register('12ab')).json()).toMatchObject({ error: { code: 100 } });
  });
});

describe('subscribed_apps', () => {
  it('lists, removes and restores the app subscription', async () => {
    t = await testApp();
    expect((await get(`/v25.0/${WABA}/subscribed_apps`)).json()).toMatchObject({ data: [{ whatsapp_business_api_data: { id: APP_ID } }] });
    await t.app.inject({ method: 'DELETE', url: `/v25.0/${WABA}/subscribed_apps`, headers: { ...auth(), 'content-type': 'application/json' } });
    expect((await get(`/v25.0/${WABA}/subscribed_apps`)).json()).toEqual({ data: [] });
    expect((await t.app.inject({ method: 'POST', url: `/v25.0/${WABA}/subscribed_apps`, headers: auth() })).json()).toEqual({ success: true });
  });
});

describe('debug_token', () => {
  it('describes a valid token with the WABAs it may manage', async () => {
    t = await testApp();
    const res = await get('/v25.0/debug_token?input_token=sandbox-token');
    expect(res.json()).toMatchObject({
      data: {
        app_id: APP_ID,
        type: 'SYSTEM_USER',
        is_valid: true,
        expires_at: 0,
        scopes: expect.arrayContaining(['whatsapp_business_management', 'whatsapp_business_messaging']),
        granular_scopes: [{ scope: 'whatsapp_business_management', target_ids: [WABA] }, { scope: 'whatsapp_business_messaging', target_ids: [WABA] }],
      },
    });
  });

  it('reports an expired token as invalid to the app token, while the token itself gets 190', async () => {
    t = await testApp();
    await t.app.inject({ method: 'PATCH', url: '/_sandbox/tokens/sandbox-token', payload: { expires_in_seconds: 60 } });
    await t.clock.advance(61_000);
    const byApp = await get('/debug_token?input_token=sandbox-token', `${APP_ID}|${APP_SECRET}`);
    expect(byApp.json()).toMatchObject({ data: { is_valid: false, error: { code: 190, subcode: 463 } } });
    expect((await get('/v25.0/debug_token?input_token=sandbox-token')).statusCode).toBe(401);
  });

  it('answers is_valid false for a token it never issued', async () => {
    t = await testApp();
    expect((await get('/v25.0/debug_token?input_token=made-up-token')).json()).toEqual({
      data: { error: { code: 190, message: 'Invalid OAuth access token.' }, is_valid: false, scopes: [] },
    });
  });
});
