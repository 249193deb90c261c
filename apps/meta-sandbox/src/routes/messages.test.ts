import { afterEach, describe, expect, it } from 'vitest';
import { auth, PHONE, sendTemplate, testApp, type TestApp } from '../testing/harness';

let t: TestApp;
afterEach(async () => t?.app.close());

const errorOf = (res: { json: () => unknown }) => (res.json() as { error: Record<string, unknown> }).error;

describe('POST /{phone-number-id}/messages', () => {
  it('accepts hello_world and answers with Meta’s response shape', async () => {
    t = await testApp();
    const res = await sendTemplate(t.app, '+1 555 019 8762');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { contacts: unknown[]; messages: Array<{ id: string; message_status: string }> };
    expect(body).toMatchObject({ messaging_product: 'whatsapp', contacts: [{ input: '+1 555 019 8762', wa_id: '15550198762' }] });
    expect(body.messages[0]!.id).toMatch(/^wamid\.[A-Za-z0-9+/=]+$/);
    expect(body.messages[0]!.message_status).toBe('accepted');
  });

  it('gives the same wamids for the same seed', async () => {
    t = await testApp();
    const first = (await sendTemplate(t.app, '15550198762')).json();
    await t.app.close();
    t = await testApp();
    expect((await sendTemplate(t.app, '15550198762')).json()).toEqual(first);
  });

  it('answers Meta error bodies for malformed requests', async () => {
    t = await testApp();
    const res = await t.app.inject({ method: 'POST', url: `/v25.0/${PHONE}/messages`, headers: auth(), payload: { to: '15550198762' } });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: 100, type: 'OAuthException', message: '(#100) The parameter messaging_product is required.' });
    expect(errorOf(res).fbtrace_id).toMatch(/^[A-Za-z0-9]{11}$/);
  });

  it('refuses an invalid number with 131009 and counts the rejection', async () => {
    t = await testApp();
    const res = await sendTemplate(t.app, '12345');
    expect(res.statusCode).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: 131009, error_data: { messaging_product: 'whatsapp' } });
    const summary = (await t.app.inject({ method: 'GET', url: '/_sandbox/sent/summary' })).json() as { rejected_by_code: Record<string, number> };
    expect(summary.rejected_by_code).toEqual({ '131009': 1 });
  });

  it('answers 132001 (404) for a template that does not exist in that language', async () => {
    t = await testApp();
    const res = await sendTemplate(t.app, '15550198762', 'spring_sale');
    expect(res.statusCode).toBe(404);
    expect(errorOf(res)).toMatchObject({ code: 132001, error_data: { details: 'template name (spring_sale) does not exist in en_US' } });
  });

  it('answers 132000 when parameters are given to hello_world', async () => {
    t = await testApp();
    const res = await sendTemplate(t.app, '15550198762', 'hello_world', { components: [{ type: 'body', parameters: [{ type: 'text', text: 'x' }] }] });
    expect(errorOf(res)).toMatchObject({ code: 132000 });
  });

  it('answers 130429 past the number’s throughput', async () => {
    t = await testApp({ scenario: { pairLimit: null } });
    t.app.sandbox.updateScenario({ throughputMps: { STANDARD: 5 } });
    const codes = [];
    for (let i = 0; i < 7; i += 1) codes.push((await sendTemplate(t.app, `1555010${String(i).padStart(4, '0')}`)).statusCode);
    expect(codes).toEqual([200, 200, 200, 200, 200, 400, 400]);
    expect(errorOf(await sendTemplate(t.app, '15550100099'))).toMatchObject({ code: 130429 });
    await t.clock.advance(1_000);
    expect((await sendTemplate(t.app, '15550100099')).statusCode).toBe(200);
  });

  it('answers 131056 past the pair rate limit for one user only', async () => {
    t = await testApp({ scenario: { pairLimit: { intervalMs: 6_000, burst: 3, burstWindowMs: 6_000 } } });
    for (let i = 0; i < 3; i += 1) expect((await sendTemplate(t.app, '15550198762')).statusCode).toBe(200);
    expect(errorOf(await sendTemplate(t.app, '15550198762'))).toMatchObject({ code: 131056 });
    expect((await sendTemplate(t.app, '15550198763')).statusCode).toBe(200);
    await t.clock.advance(18_000);
    expect((await sendTemplate(t.app, '15550198762')).statusCode).toBe(200);
  });

  it('refuses a message to the sender’s own number with 131021', async () => {
    t = await testApp();
    expect(errorOf(await sendTemplate(t.app, '15550000001'))).toMatchObject({ code: 131021 });
  });
});

describe('authentication on sends', () => {
  it('answers 190 (401) for an expired token', async () => {
    t = await testApp();
    await t.app.inject({ method: 'PATCH', url: '/_sandbox/tokens/sandbox-token', payload: { expires_in_seconds: -1 } });
    const res = await sendTemplate(t.app, '15550198762');
    expect(res.statusCode).toBe(401);
    expect(errorOf(res)).toMatchObject({ code: 190, error_subcode: 463, type: 'OAuthException' });
  });

  it('answers 190 for an unknown token and 200 without one', async () => {
    t = await testApp();
    const unknown = await t.app.inject({ method: 'POST', url: `/v25.0/${PHONE}/messages`, headers: auth('nope-nope'), payload: {} });
    expect([unknown.statusCode, errorOf(unknown).code]).toEqual([401, 190]);
    const none = await t.app.inject({ method: 'POST', url: `/v25.0/${PHONE}/messages`, payload: {} });
    expect([none.statusCode, errorOf(none).code]).toEqual([403, 200]);
  });

  it('answers 10 (403) for a token of another WABA', async () => {
    t = await testApp();
    const other = (await t.app.inject({ method: 'POST', url: '/_sandbox/accounts', payload: {} })).json() as { access_token: string };
    const res = await t.app.inject({
      method: 'POST',
      url: `/v25.0/${PHONE}/messages`,
      headers: auth(other.access_token),
      payload: { messaging_product: 'whatsapp', to: '15550198762', type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } },
    });
    expect([res.statusCode, errorOf(res).code]).toEqual([403, 10]);
  });

  it('rejects a path whose version is not vNN.N', async () => {
    t = await testApp();
    const res = await sendTemplate(t.app, '15550198762', 'hello_world', {}, 'latest');
    expect(errorOf(res)).toMatchObject({ code: 2500 });
  });
});
