/**
 * What Meta enforces on sending, observed the way dbulk observes it: synchronous errors and
 * the failed (or missing) status webhooks at a real receiver.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createTemplate, fixture, marketingTemplate, sendTemplate } from './testing/harness';
import { appWithReceiver, changesOf, shapeOf, statusesOf } from './testing/receiver';

let t: Awaited<ReturnType<typeof appWithReceiver>>;
afterEach(async () => t?.close());

const fast = { delays: { sentMs: 10, deliveredMs: 20, readMs: null }, approvalDelayMs: 10 };
const body = (to: string, extra: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: '/v25.0/100000000000002/messages', headers: { authorization: 'Bearer sandbox-token' }, payload: { messaging_product: 'whatsapp', to, ...extra } });
const sendMarketing = (to: string) =>
  sendTemplate(t.app, to, 'spring_sale', { components: [{ type: 'body', parameters: [{ type: 'text', text: 'Ana' }] }] });
const errorCodes = (statuses: Array<Record<string, unknown>>) => statuses.map((status) => (status.errors as Array<{ code: number }> | undefined)?.[0]?.code);

async function approvedMarketing() {
  await createTemplate(t.app, marketingTemplate('spring_sale'));
  await t.clock.advance(10);
  await t.receiver.waitFor((list) => list.length === 1);
  t.receiver.received.length = 0;
}

describe('enforcement', () => {
  it('does not deliver to the 251st unique recipient in 24 h at TIER_250', async () => {
    t = await appWithReceiver({ scenario: { ...fast, throughputMps: { STANDARD: 1_000, HIGH: 1_000, COEXISTENCE: 20 } } });
    for (let i = 0; i < 251; i += 1) expect((await sendTemplate(t.app, `1555040${String(i).padStart(4, '0')}`)).statusCode).toBe(200);
    await t.clock.advance(20);
    const received = await t.receiver.waitFor((list) => list.length === 500);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received).toHaveLength(500);
    expect(statusesOf(received).some((status) => status.recipient_id === '15550400250')).toBe(false);
    const dropped = (await t.app.inject({ method: 'GET', url: '/_sandbox/sent?outcome=dropped' })).json() as { data: Array<{ waId: string }> };
    expect(dropped.data.map((record) => record.waId)).toEqual(['15550400250']);
    // A recipient already counted is still served, a new one again after 24 h.
    expect((await sendTemplate(t.app, '15550400000')).statusCode).toBe(200);
    await t.clock.advance(24 * 60 * 60 * 1000);
    await sendTemplate(t.app, '15550400251');
    await t.clock.advance(20);
    await t.receiver.waitFor((list) => statusesOf(list).some((status) => status.recipient_id === '15550400251' && status.status === 'delivered'));
  });

  it('fails marketing to a US number with 131049 in the fixture’s shape, and still delivers utility there', async () => {
    t = await appWithReceiver({ scenario: fast });
    await approvedMarketing();
    expect((await sendMarketing('+16505551234')).statusCode).toBe(200);
    await sendTemplate(t.app, '+16505551235');
    await t.clock.advance(20);
    const received = await t.receiver.waitFor((list) => list.length === 3);
    const failed = statusesOf(received).find((status) => status.status === 'failed')!;
    expect(failed).toMatchObject({ recipient_id: '16505551234', errors: [{ code: 131049 }] });
    expect(shapeOf(failed)).toEqual(shapeOf(statusesOf([{ body: fixture('status-failed-131049.json'), raw: '', signatureOk: true, at: 0 }])[0]));
    expect(statusesOf(received).filter((status) => status.recipient_id === '16505551235').map((status) => status.status)).toEqual(['sent', 'delivered']);
  });

  it('accepts a number that is not on WhatsApp, then fails it with 131026', async () => {
    t = await appWithReceiver({ scenario: fast });
    expect((await sendTemplate(t.app, '15559990001')).statusCode).toBe(200);
    await t.clock.advance(10);
    expect(errorCodes(statusesOf(await t.receiver.waitFor((list) => list.length === 1)))).toEqual([131026]);
  });

  it('fails free-form text outside the 24 h window (131047) and delivers it after the user writes', async () => {
    t = await appWithReceiver({ scenario: fast });
    await body('15550198762', { type: 'text', text: { body: 'hello?' } });
    await t.clock.advance(10);
    expect(errorCodes(statusesOf(await t.receiver.waitFor((list) => list.length === 1)))).toEqual([131047]);
    await t.app.inject({ method: 'POST', url: '/_sandbox/inbound', payload: { from: '15550198762', name: 'Ana Souza', text: 'Hi, is the 20% discount still valid this weekend?' } });
    const inbound = await t.receiver.waitFor((list) => list.length === 2);
    expect(shapeOf(inbound[1]!.body)).toEqual(shapeOf(fixture('inbound-text.json')));
    await body('15550198762', { type: 'text', text: { body: 'Yes it is!' } });
    await t.clock.advance(20);
    const statuses = statusesOf(await t.receiver.waitFor((list) => list.length === 4));
    expect(statuses.at(-1)).toMatchObject({ status: 'delivered', pricing: { billable: false, type: 'free_customer_service', category: 'service' } });
  });

  it('emits a typed STOP and a quick-reply tap like the fixtures', async () => {
    t = await appWithReceiver({ scenario: fast });
    await t.app.inject({ method: 'POST', url: '/_sandbox/inbound', payload: { from: '15550198763', name: 'Rahul Mehta', text: 'STOP' } });
    await t.app.inject({
      method: 'POST',
      url: '/_sandbox/inbound',
      payload: { from: '15550198762', name: 'Lena Fischer', type: 'button', text: 'Stop promotions', context_id: 'wamid.HBgLMTU1NTAxOTg3NjIVAgARGBJEOUM0QjVBNjE3RjI4RTkxQUMA' },
    });
    const received = await t.receiver.waitFor((list) => list.length === 2);
    const stop = received.find((item) => item.raw.includes('"STOP"'))!;
    const button = received.find((item) => item.raw.includes('"button"'))!;
    expect(shapeOf(stop.body)).toEqual(shapeOf(fixture('inbound-stop.json')));
    expect(shapeOf(button.body)).toEqual(shapeOf(fixture('inbound-button-reply.json')));
  });

  it('fails marketing with 131050 after a user_preferences stop and delivers again after resume', async () => {
    t = await appWithReceiver({ scenario: fast });
    await approvedMarketing();
    await t.app.inject({ method: 'POST', url: '/_sandbox/user-preferences', payload: { from: '15550198762', value: 'stop' } });
    const [preference] = changesOf(await t.receiver.waitFor((list) => list.length === 1));
    expect(preference).toMatchObject({ field: 'user_preferences', value: { user_preferences: [{ wa_id: '15550198762', category: 'marketing_messages', value: 'stop' }] } });
    await sendMarketing('15550198762');
    await t.clock.advance(10);
    expect(errorCodes(statusesOf(await t.receiver.waitFor((list) => list.length === 2)))).toEqual([131050]);
    await t.app.inject({ method: 'POST', url: '/_sandbox/user-preferences', payload: { from: '15550198762', value: 'resume' } });
    await sendMarketing('15550198762');
    await t.clock.advance(20);
    await t.receiver.waitFor((list) => statusesOf(list).some((status) => status.status === 'delivered'));
  });

  it('refuses every send with 190 once the token expired, and records nothing as sent', async () => {
    t = await appWithReceiver({ scenario: fast });
    await t.app.inject({ method: 'PATCH', url: '/_sandbox/tokens/sandbox-token', payload: { expires_in_seconds: 1 } });
    await t.clock.advance(1_000);
    const res = await sendTemplate(t.app, '15550198762');
    expect([res.statusCode, (res.json() as { error: { code: number } }).error.code]).toEqual([401, 190]);
    expect((await t.app.inject({ method: 'GET', url: '/_sandbox/sent/summary' })).json()).toMatchObject({ total: 0 });
  });
});
