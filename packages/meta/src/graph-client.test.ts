import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GraphClient, graphClientOptionsFromEnv } from './graph-client';
import type { GraphLogger } from './graph-transport';
import { MetaApiError } from './meta-api-error';
import { closedPort, metaError, startFakeGraph, type FakeGraph } from './test/fake-graph';

const TOKEN = 'EAAG-tenant-token-never-logged';
const PHONE = '301500000000111';
const WABA = '213900000000101';
const logs: unknown[] = [];
const logger: GraphLogger = { debug: (obj, msg) => logs.push({ obj, msg }), warn: (obj, msg) => logs.push({ obj, msg }) };

let graph: FakeGraph;
let client: GraphClient;

beforeAll(async () => {
  graph = await startFakeGraph();
  client = new GraphClient({ graphUrl: graph.url, apiVersion: 'v23.0', logger, headersTimeoutMs: 300 });
});
afterAll(async () => {
  await client.close();
  await graph.close();
});
afterEach(() => {
  graph.requests.length = 0;
});

async function failure(promise: Promise<unknown>): Promise<MetaApiError> {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(MetaApiError);
  return err as MetaApiError;
}

const sent = (id: string, status?: string) => ({
  json: { messaging_product: 'whatsapp', contacts: [{ input: '+15550198762', wa_id: '15550198762' }], messages: [{ id, ...(status ? { message_status: status } : {}) }] },
});

describe('GraphClient sends', () => {
  it('sends a template with the bearer token on the configured version and returns the wamid', async () => {
    graph.route(`POST /v23.0/${PHONE}/messages`, sent('wamid.A', 'held_for_quality_assessment'));
    const result = await client.sendTemplate(PHONE, TOKEN, {
      to: '+15550198762',
      template: { name: 'weekend_sale_v2', language: { code: 'en_US' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Ana' }] }] },
      bizOpaqueCallbackData: 'tenant_42:campaign_1007',
    });
    expect(result).toEqual({ wamid: 'wamid.A', waId: '15550198762', userId: undefined, messageStatus: 'held_for_quality_assessment' });
    const [req] = graph.requests;
    expect(req?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req?.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '+15550198762',
      type: 'template',
      template: { name: 'weekend_sale_v2', language: { code: 'en_US' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Ana' }] }] },
      biz_opaque_callback_data: 'tenant_42:campaign_1007',
    });
  });

  it('sends text (accepted by default) as a reply, and to a business-scoped user id', async () => {
    graph.route(`POST /v23.0/${PHONE}/messages`, sent('wamid.B'));
    expect(await client.sendText(PHONE, TOKEN, { to: '15550198762', text: { body: 'hi' }, replyTo: 'wamid.Q' })).toMatchObject({ wamid: 'wamid.B', messageStatus: 'accepted' });
    await client.sendText(PHONE, TOKEN, { recipient: 'US.13491208655302741918', text: { body: 'hi' } });
    expect(graph.requests[0]?.body).toMatchObject({ type: 'text', text: { body: 'hi' }, context: { message_id: 'wamid.Q' } });
    expect(graph.requests[1]?.body).toMatchObject({ recipient: 'US.13491208655302741918' });
    expect(graph.requests[1]?.body).not.toHaveProperty('to');
  });

  it('turns Meta error bodies into classified MetaApiErrors', async () => {
    graph.route(`POST /v23.0/${PHONE}/messages`, metaError(130429, '(#130429) Rate limit hit'));
    const throttled = await failure(client.sendText(PHONE, TOKEN, { to: '1', text: { body: 'x' } }));
    expect(throttled).toMatchObject({ metaCode: 130429, errorClass: 'throttled', responseStatus: 400, fbtraceId: 'trace-130429', category: 'rate_limited' });
    expect(throttled.classification.halveRate).toBe(true);
    graph.route(`POST /v23.0/${PHONE}/messages`, metaError(190, 'Error validating access token', 401));
    expect(await failure(client.sendText(PHONE, TOKEN, { to: '1', text: { body: 'x' } }))).toMatchObject({ errorClass: 'needs_human', classification: { markConnectionBroken: true } });
  });

  it('calls a 200 without a wamid ambiguous: the message may be out', async () => {
    graph.route(`POST /v23.0/${PHONE}/messages`, { json: { messaging_product: 'whatsapp', messages: [] } });
    expect(await failure(client.sendText(PHONE, TOKEN, { to: '1', text: { body: 'x' } }))).toMatchObject({ code: 'META_BAD_RESPONSE', errorClass: 'ambiguous' });
  });

  it('refuses node ids that could walk the path, before any request', async () => {
    await expect(client.getPhoneNumber('../me', TOKEN)).rejects.toMatchObject({ code: 'META_INVALID_NODE_ID' });
    await expect(client.getPhoneNumber(PHONE, '')).rejects.toMatchObject({ code: 'META_TOKEN_MISSING' });
    expect(graph.requests).toHaveLength(0);
  });
});

describe('GraphClient templates', () => {
  const tpl = (n: number) => ({ id: String(1729300000000100 + n), name: `t_${n}`, language: 'en_US', status: 'APPROVED', category: 'MARKETING' });

  it('lists with fields, limit, status and cursor', async () => {
    graph.route(`GET /v23.0/${WABA}/message_templates`, { json: { data: [tpl(1)], paging: { cursors: { before: 'b', after: 'a' } } } });
    const page = await client.listTemplates(WABA, TOKEN, { limit: 50, status: 'APPROVED', after: 'c0' });
    expect(page.data[0]).toMatchObject({ name: 't_1', status: 'APPROVED' });
    const query = graph.requests[0]!.query;
    expect(Object.fromEntries(query)).toMatchObject({ limit: '50', status: 'APPROVED', after: 'c0' });
    expect(query.get('fields')).toContain('quality_score');
  });

  it('iterates every page until paging.next is gone', async () => {
    const pages: Record<string, unknown> = {
      '': { data: [tpl(1), tpl(2)], paging: { cursors: { after: 'p2' }, next: 'https://graph/next?after=p2' } },
      p2: { data: [tpl(3)], paging: { cursors: { after: 'p3' }, next: 'https://graph/next?after=p3' } },
      p3: { data: [tpl(4)], paging: { cursors: { after: 'p4' } } },
    };
    graph.route(`GET /v23.0/${WABA}/message_templates`, (req) => ({ json: pages[req.query.get('after') ?? ''] }));
    const names: string[] = [];
    for await (const page of client.templatePages(WABA, TOKEN, { limit: 2 })) names.push(...page.data.map((t) => t.name ?? ''));
    expect(names).toEqual(['t_1', 't_2', 't_3', 't_4']);
    expect(graph.requests.map((r) => r.query.get('after'))).toEqual([null, 'p2', 'p3']);
  });

  it('stops on a repeated cursor instead of looping', async () => {
    graph.route(`GET /v23.0/${WABA}/message_templates`, { json: { data: [tpl(1)], paging: { cursors: { after: 'same' }, next: 'x' } } });
    let pages = 0;
    for await (const _page of client.templatePages(WABA, TOKEN)) pages++;
    expect(pages).toBe(2);
  });

  it('creates, edits, unpauses, reads and deletes', async () => {
    graph.route(`POST /v23.0/${WABA}/message_templates`, { json: { id: '1729300000000101', status: 'PENDING', category: 'MARKETING' } });
    graph.route('POST /v23.0/1729300000000101', { json: { success: true } });
    graph.route('POST /v23.0/1729300000000101/unpause', { json: { success: true } });
    graph.route('GET /v23.0/1729300000000101', { json: { id: '1729300000000101', status: 'APPROVED', quality_score: { score: 'GREEN', date: 1767180000 } } });
    graph.route(`DELETE /v23.0/${WABA}/message_templates`, { json: { success: true } });
    const input = { name: 'weekend_sale_v2', category: 'MARKETING' as const, language: 'en_US', parameter_format: 'POSITIONAL' as const, components: [{ type: 'BODY' as const, text: 'Hi {{1}}', example: { body_text: [['Ana']] } }] };
    expect(await client.createTemplate(WABA, TOKEN, input)).toEqual({ id: '1729300000000101', status: 'PENDING', category: 'MARKETING' });
    expect(graph.requests[0]?.body).toEqual(input);
    expect(await client.editTemplate('1729300000000101', TOKEN, { components: input.components })).toEqual({ success: true });
    expect(await client.unpauseTemplate('1729300000000101', TOKEN)).toEqual({ success: true });
    expect(await client.getTemplate('1729300000000101', TOKEN, ['status', 'quality_score'])).toMatchObject({ quality_score: { score: 'GREEN' } });
    expect(graph.requests[3]?.query.get('fields')).toBe('status,quality_score');
    await client.deleteTemplate(WABA, TOKEN, { name: 'weekend_sale_v2', hsmId: '1729300000000101' });
    expect(Object.fromEntries(graph.requests[4]!.query)).toEqual({ name: 'weekend_sale_v2', hsm_id: '1729300000000101' });
  });

  it('classifies a template creation error as fix_request', async () => {
    graph.route(`POST /v23.0/${WABA}/message_templates`, metaError(2388040, 'Character limit exceeded'));
    const err = await failure(client.createTemplate(WABA, TOKEN, { name: 'x', category: 'UTILITY', language: 'en_US', components: [] }));
    expect(err).toMatchObject({ metaCode: 2388040, errorClass: 'fix_request' });
  });
});

describe('GraphClient numbers, WABA, subscriptions, tokens', () => {
  const phone = {
    id: PHONE, display_phone_number: '+1 555-010-1234', verified_name: 'Dbulk Demo', quality_rating: 'GREEN', status: 'CONNECTED',
    name_status: 'APPROVED', throughput: { level: 'STANDARD' }, whatsapp_business_manager_messaging_limit: 'TIER_2K', messaging_limit_tier: 'TIER_1K',
    platform_type: 'CLOUD_API', code_verification_status: 'VERIFIED',
  };

  it('reads a phone number with every field, asking for messaging_limit_tier only up to v23.0', async () => {
    graph.route(`GET /v23.0/${PHONE}`, { json: phone });
    expect(await client.getPhoneNumber(PHONE, TOKEN)).toMatchObject({ quality_rating: 'GREEN', throughput: { level: 'STANDARD' }, whatsapp_business_manager_messaging_limit: 'TIER_2K' });
    const fields = graph.requests[0]!.query.get('fields')!.split(',');
    expect(fields).toEqual(expect.arrayContaining(['id', 'display_phone_number', 'verified_name', 'quality_rating', 'status', 'name_status', 'throughput', 'whatsapp_business_manager_messaging_limit', 'messaging_limit_tier', 'platform_type', 'code_verification_status']));
    const v25 = new GraphClient({ ...graphClientOptionsFromEnv({ META_GRAPH_URL: graph.url, META_API_VERSION: 'v25.0' }) });
    graph.route(`GET /v25.0/${PHONE}`, { json: phone });
    await v25.getPhoneNumber(PHONE, TOKEN);
    await v25.close();
    expect(graph.requests[1]!.path).toBe(`/v25.0/${PHONE}`);
    expect(graph.requests[1]!.query.get('fields')).not.toContain('messaging_limit_tier');
  });

  it('lists numbers and reads the WABA', async () => {
    graph.route(`GET /v23.0/${WABA}/phone_numbers`, { json: { data: [phone] } });
    graph.route(`GET /v23.0/${WABA}`, { json: { id: WABA, name: 'Demo', currency: 'USD', timezone_id: '1', account_review_status: 'APPROVED', message_template_namespace: 'ns' } });
    expect((await client.listPhoneNumbers(WABA, TOKEN)).data).toHaveLength(1);
    expect(await client.getWaba(WABA, TOKEN)).toMatchObject({ currency: 'USD', account_review_status: 'APPROVED' });
    expect(graph.requests[1]!.query.get('fields')).toBe('id,name,currency,timezone_id,account_review_status,message_template_namespace');
  });

  it('subscribes, lists and unsubscribes the app', async () => {
    graph.route(`POST /v23.0/${WABA}/subscribed_apps`, { json: { success: true } });
    graph.route(`GET /v23.0/${WABA}/subscribed_apps`, { json: { data: [{ whatsapp_business_api_data: { id: '999', name: 'dbulk', link: 'https://x' } }] } });
    graph.route(`DELETE /v23.0/${WABA}/subscribed_apps`, { json: { success: true } });
    expect(await client.subscribeApp(WABA, TOKEN)).toEqual({ success: true });
    expect((await client.listSubscribedApps(WABA, TOKEN)).data[0]?.whatsapp_business_api_data?.id).toBe('999');
    expect(await client.unsubscribeApp(WABA, TOKEN)).toEqual({ success: true });
  });

  it('debugs a token with the app token, and keeps the input token out of errors', async () => {
    graph.route('GET /v23.0/debug_token', (req) =>
      req.headers.authorization === 'Bearer app|secret'
        ? { json: { data: { app_id: '999', type: 'SYSTEM_USER', is_valid: true, expires_at: 0, scopes: ['whatsapp_business_management', 'whatsapp_business_messaging'], granular_scopes: [{ scope: 'whatsapp_business_management', target_ids: [WABA] }] } } }
        : metaError(190, `Invalid OAuth access token ${req.query.get('input_token')}`, 400),
    );
    const data = await client.debugToken(TOKEN, 'app|secret');
    expect(data).toMatchObject({ is_valid: true, expires_at: 0, granular_scopes: [{ target_ids: [WABA] }] });
    expect(graph.requests[0]!.query.get('input_token')).toBe(TOKEN);
    const err = await failure(client.debugToken(TOKEN, 'wrong-app-token'));
    expect(err.message).not.toContain(TOKEN);
    expect(err.metaMessage).toContain('[redacted]');
  });
});

describe('GraphClient transport', () => {
  it('reuses keep-alive connections instead of opening one per call', async () => {
    const local = await startFakeGraph();
    const c = new GraphClient({ graphUrl: local.url, apiVersion: 'v23.0' });
    local.route(`GET /v23.0/${WABA}`, { json: { id: WABA } });
    for (let i = 0; i < 10; i++) await c.getWaba(WABA, TOKEN);
    // undici may open a second socket while the first is being released; never one per call.
    expect(local.connections()).toBeLessThanOrEqual(2);
    await c.close();
    await local.close();
    await expect(c.getWaba(WABA, TOKEN)).rejects.toBeInstanceOf(MetaApiError);
  });

  it('honours a path prefix in the Graph URL', async () => {
    const c = new GraphClient({ graphUrl: `${graph.url}/meta/`, apiVersion: 'v23.0' });
    graph.route(`GET /meta/v23.0/${WABA}`, { json: { id: WABA } });
    expect(await c.getWaba(WABA, TOKEN)).toMatchObject({ id: WABA });
    await c.close();
  });

  it('calls a send that Meta accepted but never answered ambiguous; a read of the same is retryable', async () => {
    graph.route(`POST /v23.0/${PHONE}/messages`, 'hang');
    graph.route(`GET /v23.0/${PHONE}`, 'hang');
    const send = await failure(client.sendText(PHONE, TOKEN, { to: '1', text: { body: 'x' } }));
    expect(send).toMatchObject({ code: 'META_TIMEOUT', errorClass: 'ambiguous', category: 'unavailable' });
    expect(graph.requests).toHaveLength(1); // it did reach the server
    expect((await failure(client.getPhoneNumber(PHONE, TOKEN))).errorClass).toBe('retryable');
  });

  it('calls a send to a closed port retryable: nothing was sent', async () => {
    const c = new GraphClient({ graphUrl: `http://127.0.0.1:${await closedPort()}`, apiVersion: 'v23.0' });
    const err = await failure(c.sendTemplate(PHONE, TOKEN, { to: '1', template: { name: 'hello_world', language: { code: 'en_US' } } }));
    expect(err).toMatchObject({ code: 'META_NETWORK', errorClass: 'retryable' });
    expect(err.classification.reason).toMatch(/before the request was sent/);
    await c.close();
  });

  it('never writes the token into errors or logs', async () => {
    graph.route(`POST /v23.0/${PHONE}/messages`, metaError(131000, `something about ${TOKEN}`, 500));
    const errors = [await failure(client.sendText(PHONE, TOKEN, { to: '1', text: { body: 'x' } }))];
    graph.route(`POST /v23.0/${PHONE}/messages`, 'hang');
    errors.push(await failure(client.sendText(PHONE, TOKEN, { to: '1', text: { body: 'x' } })));
    const text = JSON.stringify([logs, errors.map((e) => ({ ...e, message: e.message, stack: e.stack, cause: String(e.cause) }))]);
    expect(logs.length).toBeGreaterThan(5);
    expect(text).not.toContain(TOKEN);
    expect(text).toContain('/messages');
  });
});
