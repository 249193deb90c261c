import { afterEach, describe, expect, it } from 'vitest';
import { auth, createTemplate, marketingTemplate, testApp, WABA, type TestApp } from '../testing/harness';

let t: TestApp;
afterEach(async () => t?.app.close());

const get = (url: string) => t.app.inject({ method: 'GET', url, headers: auth() });
const statusEvents = () =>
  t.app.sandbox.deliveries
    .list({ field: 'message_template_status_update' })
    .map((record) => (record.payload as { entry: Array<{ changes: Array<{ value: Record<string, unknown> }> }> }).entry[0]!.changes[0]!.value);

describe('template management', () => {
  it('lists hello_world as Meta gives every number', async () => {
    t = await testApp();
    const res = await get(`/v25.0/${WABA}/message_templates`);
    expect(res.json()).toMatchObject({ data: [{ name: 'hello_world', language: 'en_US', category: 'UTILITY', status: 'APPROVED', parameter_format: 'POSITIONAL' }] });
  });

  it('creates as PENDING and approves after the delay with a status webhook', async () => {
    t = await testApp();
    const res = await t.app.inject({ method: 'POST', url: `/v25.0/${WABA}/message_templates`, headers: auth(), payload: marketingTemplate('spring_sale') });
    const created = res.json() as { id: string; status: string; category: string };
    expect(created).toMatchObject({ status: 'PENDING', category: 'MARKETING' });
    await t.clock.advance(1_999);
    expect((await get(`/v25.0/${created.id}?fields=status`)).json()).toEqual({ status: 'PENDING', id: created.id });
    await t.clock.advance(1);
    expect((await get(`/v25.0/${created.id}?fields=status`)).json()).toMatchObject({ status: 'APPROVED' });
    expect(statusEvents()).toEqual([
      { event: 'APPROVED', message_template_id: Number(created.id), message_template_name: 'spring_sale', message_template_language: 'en_US', reason: 'NONE', message_template_category: 'MARKETING' },
    ]);
  });

  it('rejects a policy phrase at review with the reason', async () => {
    t = await testApp();
    const id = await createTemplate(t.app, marketingTemplate('lucky', 'Hi {{1}}, you are a guaranteed winner this week!'));
    await t.clock.advance(2_000);
    expect((await get(`/v25.0/${id}?fields=status,rejected_reason`)).json()).toMatchObject({ status: 'REJECTED', rejected_reason: 'SCAM' });
    expect(statusEvents()[0]).toMatchObject({ event: 'REJECTED', reason: 'SCAM', rejection_info: { reason: expect.any(String) } });
  });

  it('approves a utility template with marketing words as MARKETING and emits template_category_update', async () => {
    t = await testApp();
    const id = await createTemplate(t.app, { ...marketingTemplate('order_note', 'Hi {{1}}, your order shipped. Enjoy 10% off next time!'), category: 'UTILITY' });
    await t.clock.advance(2_000);
    expect((await get(`/v25.0/${id}?fields=category,previous_category`)).json()).toMatchObject({ category: 'MARKETING', previous_category: 'UTILITY' });
    const update = t.app.sandbox.deliveries.list({ field: 'template_category_update' });
    expect(update).toHaveLength(1);
  });

  it('refuses a duplicate name+language with 2388024', async () => {
    t = await testApp();
    const res = await t.app.inject({ method: 'POST', url: `/v25.0/${WABA}/message_templates`, headers: auth(), payload: { ...marketingTemplate('hello_world') } });
    expect(res.json()).toMatchObject({ error: { code: 100, error_subcode: 2388024 } });
  });

  it('limits creations per hour', async () => {
    t = await testApp({ scenario: { templateCreatesPerHour: 2 } });
    await createTemplate(t.app, marketingTemplate('a1'));
    await createTemplate(t.app, marketingTemplate('a2'));
    const res = await t.app.inject({ method: 'POST', url: `/v25.0/${WABA}/message_templates`, headers: auth(), payload: marketingTemplate('a3') });
    expect(res.json()).toMatchObject({ error: { code: 80008 } });
    await t.clock.advance(60 * 60 * 1000);
    expect(await createTemplate(t.app, marketingTemplate('a3'))).toMatch(/^1\d{15}$/);
  });

  it('pages with cursors and filters by status', async () => {
    t = await testApp({ scenario: { approvalDelayMs: 10 } });
    for (const name of ['t1', 't2', 't3']) await createTemplate(t.app, marketingTemplate(name));
    const first = (await get(`/v25.0/${WABA}/message_templates?limit=2&fields=name`)).json() as { data: unknown[]; paging: { cursors: { after: string }; next: string } };
    expect(first.data).toHaveLength(2);
    expect(first.paging.next).toContain('after=');
    const second = (await get(`/v25.0/${WABA}/message_templates?limit=2&fields=name&after=${first.paging.cursors.after}`)).json() as { data: unknown[] };
    expect(second.data).toHaveLength(2);
    expect((await get(`/v25.0/${WABA}/message_templates?status=PENDING`)).json()).toMatchObject({ data: [{}, {}, {}] });
    expect((await get(`/v25.0/${WABA}/message_templates?status=approved`)).json()).toMatchObject({ data: [{ name: 'hello_world' }] });
    expect((await get(`/v25.0/${WABA}/message_templates?fields=nope`)).json()).toMatchObject({ error: { code: 100, message: expect.stringMatching(/nonexisting field \(nope\)/) } });
  });

  it('edits an approved template once per 24 h and re-reviews it', async () => {
    t = await testApp();
    const id = await createTemplate(t.app, marketingTemplate('promo'));
    const edit = (body: Record<string, unknown>) => t.app.inject({ method: 'POST', url: `/v25.0/${id}`, headers: auth(), payload: body });
    const components = [{ type: 'BODY', text: 'Hello {{1}}, new arrivals are in store.', example: { body_text: [['Ana']] } }];
    expect((await edit({ components })).json()).toMatchObject({ error: { error_user_title: 'Template cannot be edited' } });
    await t.clock.advance(2_000);
    expect((await edit({ category: 'UTILITY' })).json()).toMatchObject({ error: { error_user_title: 'Category cannot be edited' } });
    expect((await edit({ components })).json()).toEqual({ success: true });
    await t.clock.advance(2_000);
    expect((await edit({ components })).json()).toMatchObject({ error: { error_user_title: 'Edit limit reached' } });
  });

  it('deletes by name and blocks the name for 30 days', async () => {
    t = await testApp();
    const id = await createTemplate(t.app, marketingTemplate('gone'));
    await t.clock.advance(2_000);
    const res = await t.app.inject({ method: 'DELETE', url: `/v25.0/${WABA}/message_templates?name=gone&hsm_id=${id}`, headers: auth() });
    expect(res.json()).toEqual({ success: true });
    expect((await get(`/v25.0/${id}`)).json()).toMatchObject({ error: { code: 100, error_subcode: 33 } });
    const again = await t.app.inject({ method: 'POST', url: `/v25.0/${WABA}/message_templates`, headers: auth(), payload: marketingTemplate('gone') });
    expect(again.json()).toMatchObject({ error: { error_subcode: 2388023 } });
  });

  it('pauses through the control API, refuses sends with 132015 and unpauses after 3 h', async () => {
    t = await testApp();
    const id = await createTemplate(t.app, marketingTemplate('paused_one'));
    await t.clock.advance(2_000);
    await t.app.inject({ method: 'POST', url: `/_sandbox/templates/${id}/status`, payload: { status: 'PAUSED' } });
    const send = () =>
      t.app.inject({
        method: 'POST',
        url: `/v25.0/100000000000002/messages`,
        headers: auth(),
        payload: { messaging_product: 'whatsapp', to: '15550198762', type: 'template', template: { name: 'paused_one', language: { code: 'en_US' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Ana' }] }] } },
      });
    expect((await send()).json()).toMatchObject({ error: { code: 132015 } });
    expect(statusEvents().at(-1)).toMatchObject({ event: 'PAUSED', other_info: { title: 'FIRST_PAUSE' } });
    await t.clock.advance(3 * 60 * 60 * 1000);
    expect((await send()).statusCode).toBe(200);
    expect(statusEvents().at(-1)).toMatchObject({ event: 'APPROVED', other_info: { title: 'UNPAUSE' } });
  });
});
