/**
 * Status webhooks end to end: the sandbox posts to a real HTTP receiver on 127.0.0.1, which
 * checks every signature with @dbulk/meta's verifySignature; shapes are compared with the
 * fixtures in shared/meta/fixtures.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fixture, sendTemplate } from './testing/harness';
import { appWithReceiver, changesOf, shapeOf, statusesOf } from './testing/receiver';

let t: Awaited<ReturnType<typeof appWithReceiver>>;
afterEach(async () => t?.close());

const opaque = { biz_opaque_callback_data: 'tenant_42:campaign_1007:contact_88121' };
const sendWithTag = (to: string, version = 'v25.0') =>
  t.app.inject({
    method: 'POST',
    url: `/${version}/100000000000002/messages`,
    headers: { authorization: 'Bearer sandbox-token' },
    payload: { messaging_product: 'whatsapp', to, type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } }, ...opaque },
  });
const fixtureStatus = (name: string) => statusesOf([{ body: fixture(name), raw: '', signatureOk: true, at: 0 }])[0]!;

describe('status webhooks', () => {
  it('posts sent → delivered → read, signed and in the fixtures’ shape', async () => {
    t = await appWithReceiver();
    const id = ((await sendWithTag('15550198762')).json() as { messages: Array<{ id: string }> }).messages[0]!.id;
    await t.clock.advance(2_000);
    const received = await t.receiver.waitFor((list) => list.length === 3);
    expect(received.every((item) => item.signatureOk)).toBe(true);
    const statuses = statusesOf(received);
    expect(statuses.map((status) => [status.id, status.status])).toEqual([
      [id, 'sent'],
      [id, 'delivered'],
      [id, 'read'],
    ]);
    const envelope = received[1]!.body;
    expect(shapeOf(envelope)).toEqual(shapeOf(fixture('status-delivered-pmp.json')));
    expect(statuses[1]).toMatchObject({ recipient_id: '15550198762', ...opaque, pricing: { billable: true, pricing_model: 'PMP', type: 'regular', category: 'utility' } });
    expect(shapeOf(statuses[2])).toEqual(shapeOf(fixtureStatus('status-read.json')));
    expect((envelope.entry as Array<{ id: string; changes: Array<{ value: { metadata: unknown } }> }>)[0]).toMatchObject({
      id: '100000000000001',
      changes: [{ value: { metadata: { display_phone_number: '15550000001', phone_number_id: '100000000000002' } } }],
    });
  });

  it('makes a utility template free inside the window a user’s reply opened', async () => {
    t = await appWithReceiver({ scenario: { delays: { sentMs: 10, deliveredMs: 20, readMs: null } } });
    await t.app.inject({ method: 'POST', url: '/_sandbox/inbound', payload: { from: '15550198762', text: 'hi' } });
    await sendTemplate(t.app, '15550198762');
    await t.clock.advance(20);
    const statuses = statusesOf(await t.receiver.waitFor((list) => list.length === 3));
    expect(statuses.map((status) => status.pricing)).toEqual([
      { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'utility' },
      { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'utility' },
    ]);
  });

  it('adds CBP conversation objects shaped like the sent fixture', async () => {
    t = await appWithReceiver({ scenario: { pricingModel: 'CBP', delays: { sentMs: 10, deliveredMs: 20, readMs: null } } });
    await sendTemplate(t.app, '15550198762');
    await sendTemplate(t.app, '15550198762');
    await t.clock.advance(20);
    const statuses = statusesOf(await t.receiver.waitFor((list) => list.length === 4));
    const sent = statuses.filter((status) => status.status === 'sent');
    expect(shapeOf(sent[0])).toEqual(shapeOf(fixtureStatus('status-sent-cbp.json')));
    // One conversation per user and category for 24 h.
    expect((sent[0]!.conversation as { id: string }).id).toBe((sent[1]!.conversation as { id: string }).id);
  });

  it('keeps a per-message conversation under PMP for v23.0 and drops it from v24.0', async () => {
    t = await appWithReceiver({ scenario: { delays: { sentMs: 10, deliveredMs: 20, readMs: null } } });
    await sendWithTag('15550198762', 'v23.0');
    await sendWithTag('15550198763', 'v24.0');
    await t.clock.advance(20);
    const statuses = statusesOf(await t.receiver.waitFor((list) => list.length === 4));
    expect(statuses.filter((status) => status.recipient_id === '15550198762').every((status) => 'conversation' in status)).toBe(true);
    expect(statuses.filter((status) => status.recipient_id === '15550198763').some((status) => 'conversation' in status)).toBe(false);
  });

  it('delivers duplicates: every POST twice with the same bytes', async () => {
    t = await appWithReceiver({ scenario: { duplicateRate: 1, delays: { sentMs: 10, deliveredMs: 20, readMs: null } } });
    await sendTemplate(t.app, '15550198762');
    await t.clock.advance(100);
    const received = await t.receiver.waitFor((list) => list.length === 4);
    expect(new Set(received.map((item) => item.raw)).size).toBe(2);
    expect(received.every((item) => item.signatureOk)).toBe(true);
  });

  it('posts delivered before sent when out-of-order is on, with truthful timestamps', async () => {
    t = await appWithReceiver({ scenario: { outOfOrderRate: 1, delays: { sentMs: 1_000, deliveredMs: 3_000, readMs: null } } });
    await sendTemplate(t.app, '15550198762');
    await t.clock.advance(3_000);
    await t.receiver.waitFor((list) => list.length === 1);
    await t.clock.advance(100);
    const statuses = statusesOf(await t.receiver.waitFor((list) => list.length === 2));
    expect(statuses.map((status) => status.status)).toEqual(['delivered', 'sent']);
    expect(Number(statuses[1]!.timestamp)).toBeLessThan(Number(statuses[0]!.timestamp));
  });

  it('batches several statuses of one number into one POST', async () => {
    t = await appWithReceiver({ scenario: { batch: { windowMs: 500, maxUpdates: 1000 }, delays: { sentMs: 10, deliveredMs: 20, readMs: null } } });
    for (const to of ['15550198762', '15550198763', '15550198764']) await sendTemplate(t.app, to);
    await t.clock.advance(510);
    const received = await t.receiver.waitFor((list) => list.length === 1);
    expect(changesOf(received)).toHaveLength(1);
    expect(statusesOf(received)).toHaveLength(6);
  });

  it('retries a failing receiver with backoff until it answers 200', async () => {
    t = await appWithReceiver({ scenario: { retry: { maxAttempts: 4, initialDelayMs: 1_000, factor: 2, timeoutMs: 2_000 }, delays: { sentMs: 10, deliveredMs: 10_000, readMs: null } } });
    t.receiver.failNext(2);
    await sendTemplate(t.app, '15550198762');
    await t.clock.advance(10);
    await t.app.sandbox.emitter.idle();
    await t.clock.advance(1_000);
    await t.app.sandbox.emitter.idle();
    await t.clock.advance(2_000);
    await t.receiver.waitFor((list) => list.length === 1);
    const record = (await t.app.inject({ method: 'GET', url: '/_sandbox/webhooks' })).json() as { data: Array<{ state: string; attempts: Array<{ statusCode: number }> }> };
    expect(record.data[0]!.state).toBe('delivered');
    expect(record.data[0]!.attempts.map((attempt) => attempt.statusCode)).toEqual([500, 500, 200]);
  });
});
