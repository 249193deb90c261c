import { createWorld, deleteWorlds, envelope, fixtureNames, messagesValue, preference, status, type TestWorld } from '@dbulk/domain-webhooks/testing';
import { waitFor } from '@dbulk/kafka/testing';
import { createLogger } from '@dbulk/logger';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import type { Processor } from './processor';
import { createStack, deliver, sql, startProcessor, type Stack } from './test/harness';

let stack: Stack;
let processor: Processor;
let query: ReturnType<typeof sql>;
const worlds: TestWorld[] = [];

beforeAll(async () => {
  stack = await createStack('processor');
  query = sql(stack);
  processor = await startProcessor(stack);
});

afterAll(async () => {
  for (const closer of processor.closers()) await closer.close();
  await deleteWorlds(stack.orm.em, worlds);
  await stack.close();
});

async function world(options: Parameters<typeof createWorld>[1] = {}) {
  const w = await createWorld(stack.orm.em, options);
  worlds.push(w);
  return w;
}

const count = async (table: string, where: string, params: unknown[]) =>
  Number((await query<{ n: string }>(`select count(*)::text as n from ${table} where ${where}`, params))[0]!.n);

const eventsOf = (w: TestWorld) => query<{ dedupe_key: string; kind: string; outcome: string; error: string | null; tenant_id: string | null }>(
  `select dedupe_key, kind, outcome, error, tenant_id from webhook_events where waba_id = ? order by substring(source from '@(\\d+)$')::bigint, id`,
  [w.wabaId],
);

async function deliverAndWait(w: TestWorld, bodies: string[], expected: number) {
  await deliver(stack, bodies.map((body) => ({ body, key: w.phoneNumberId })));
  await waitFor(async () => (await count('webhook_events', 'waba_id = ?', [w.wabaId])) >= expected, { what: `${expected} webhook events`, timeoutMs: 15_000 });
}

describe('the processor applies what Meta sends (produced to Kafka, consumed, applied)', () => {
  it('processes every shared fixture with its effect', async () => {
    const w = await world();
    const names = fixtureNames();
    await deliverAndWait(w, names.map((name) => w.fixture(name)), names.length);

    const events = await eventsOf(w);
    expect(events.map((e) => [e.kind, e.outcome, e.tenant_id])).toEqual(expect.arrayContaining(events.map((e) => [e.kind, 'applied', w.tenantId])));
    expect(events.map((e) => e.kind).sort()).toEqual([
      'account.ACCOUNT_RESTRICTION', 'inbound.button', 'inbound.text', 'inbound.text', 'phone_quality.DOWNGRADE',
      'status.delivered', 'status.failed', 'status.read', 'status.sent', 'template_status.APPROVED', 'template_status.REJECTED',
    ]);

    const messages = await query<{ kind: string; status: string; wa_id: string; occurred_at: string; error_code: number | null; error_title: string | null; pricing: Record<string, unknown> | null; conversation: Record<string, unknown> | null; applied_at: Date | null }>(
      `select kind, status, wa_id, to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') as occurred_at, error_code, error_title, pricing, conversation, applied_at
       from message_events where tenant_id = ? order by kind, status`,
      [w.tenantId],
    );
    expect(messages).toEqual([
      expect.objectContaining({ kind: 'inbound', status: 'button', wa_id: '15550198762' }),
      expect.objectContaining({ kind: 'inbound', status: 'text' }),
      expect.objectContaining({ kind: 'inbound', status: 'text' }),
      expect.objectContaining({ kind: 'status', status: 'delivered', pricing: { billable: true, pricing_model: 'PMP', type: 'regular', category: 'marketing' } }),
      expect.objectContaining({ kind: 'status', status: 'failed', error_code: 131049, error_title: 'This message was not delivered to maintain healthy ecosystem engagement.' }),
      expect.objectContaining({ kind: 'status', status: 'read', occurred_at: '2026-01-01T10:55:31' }),
      expect.objectContaining({ kind: 'status', status: 'sent', occurred_at: '2025-05-29T10:00:00', conversation: expect.objectContaining({ id: '6f1c2a9e0b7d4c3a8e5f1b2c3d4e5f60' }) }),
    ]);
    expect(messages.every((m) => m.applied_at === null)).toBe(true);

    const templates = await query<{ id: string; status: string; category: string; rejection_reason: string | null; versions: string }>(
      `select id, status, category, rejection_reason, (select count(*) from template_versions v where v.template_id = t.id)::text as versions from templates t where tenant_id = ? order by name desc`,
      [w.tenantId],
    );
    expect(templates).toEqual([
      { id: w.templateRowIds[0], status: 'APPROVED', category: 'MARKETING', rejection_reason: null, versions: '1' },
      { id: w.templateRowIds[1], status: 'REJECTED', category: 'UTILITY', rejection_reason: expect.stringMatching(/^INVALID_FORMAT: The template body places two variables/), versions: '1' },
    ]);

    const suppressions = await query<{ phone: string; scope: string; source: string }>(`select phone, scope, source from suppressions where tenant_id = ? order by phone`, [w.tenantId]);
    expect(suppressions).toEqual([
      { phone: '+15550198762', scope: 'marketing', source: 'keyword' },
      { phone: '+15550198763', scope: 'all', source: 'keyword' },
    ]);

    const [account] = await query<{ status: string; status_reason: string; messaging_limit_tier: string }>(`select status, status_reason, messaging_limit_tier from whatsapp_accounts where id = ?`, [w.accountId]);
    expect(account).toEqual({ status: 'broken', status_reason: expect.stringContaining('RESTRICTED_BIZ_INITIATED_MESSAGING until 2026-01-08T20:40:00.000Z'), messaging_limit_tier: 'TIER_1K' });

    const audit = await query<{ action: string; target_id: string; actor_user_id: string | null }>(`select action, target_id, actor_user_id from audit_logs where tenant_id = ? order by action`, [w.tenantId]);
    expect(audit).toEqual([
      // inbound-stop.json (typed STOP) and inbound-button-reply.json (Meta's "Stop promotions" button).
      { action: 'suppression.added', target_id: expect.any(String), actor_user_id: null },
      { action: 'suppression.added', target_id: expect.any(String), actor_user_id: null },
      { action: 'template.approved', target_id: w.templateRowIds[0], actor_user_id: null },
      { action: 'template.rejected', target_id: w.templateRowIds[1], actor_user_id: null },
      { action: 'whatsapp.account.broken', target_id: w.accountId, actor_user_id: null },
    ]);
  });

  it('changes nothing when the same webhooks are delivered again (counts and timestamps identical)', async () => {
    const w = await world();
    const bodies = fixtureNames().map((name) => w.fixture(name));
    await deliverAndWait(w, bodies, bodies.length);
    const snapshot = async () =>
      query(
        `select (select count(*) from webhook_events where waba_id = ?) as events, (select max(processed_at)::text from webhook_events where waba_id = ?) as processed,
                (select count(*) from message_events where tenant_id = ?) as messages, (select max(created_at)::text from message_events where tenant_id = ?) as created,
                (select count(*) from template_versions where tenant_id = ?) as versions, (select max(updated_at)::text from templates where tenant_id = ?) as templates,
                (select updated_at::text from whatsapp_accounts where id = ?) as account, (select count(*) from audit_logs where tenant_id = ?) as audit`,
        [w.wabaId, w.wabaId, w.tenantId, w.tenantId, w.tenantId, w.tenantId, w.accountId, w.tenantId],
      );
    const before = await snapshot();
    const sentinel = await world({ templates: false });
    await deliver(stack, bodies.map((body) => ({ body, key: w.phoneNumberId })));
    // One partition: once a later record is applied, the redeliveries before it were processed.
    await deliverAndWait(sentinel, [envelope(sentinel.wabaId, [messagesValue(sentinel.phoneNumberId, { statuses: [status(`wamid.${sentinel.wamidTag}.s`, 'sent', 1767264305)] })])], 1);
    expect(await snapshot()).toEqual(before);
  });

  it('records every status of a message whatever the order they arrive in', async () => {
    const w = await world({ templates: false });
    const wamid = `wamid.${w.wamidTag}.ooo`;
    const one = (state: string, ts: number, extra: Record<string, unknown> = {}) => envelope(w.wabaId, [messagesValue(w.phoneNumberId, { statuses: [status(wamid, state, ts, extra)] })]);
    await deliverAndWait(w, [one('read', 1767264400), one('delivered', 1767264350), one('failed', 1767264500, { errors: [{ code: 131026, title: 'Message undeliverable' }] }), one('sent', 1767264300)], 4);
    const rows = await query<{ status: string; at: string; error_code: number | null }>(
      `select status, extract(epoch from occurred_at)::int::text as at, error_code from message_events where wamid = ? order by occurred_at`,
      [wamid],
    );
    expect(rows).toEqual([
      { status: 'sent', at: '1767264300', error_code: null },
      { status: 'delivered', at: '1767264350', error_code: null },
      { status: 'read', at: '1767264400', error_code: null },
      { status: 'failed', at: '1767264500', error_code: 131026 },
    ]);
  });

  it('suppresses on a user_preferences stop and lifts it on the resume that follows', async () => {
    const w = await world({ templates: false });
    const pref = (value: 'stop' | 'resume', ts: number) =>
      envelope(w.wabaId, [{ field: 'user_preferences', value: { messaging_product: 'whatsapp', metadata: { phone_number_id: w.phoneNumberId }, user_preferences: [preference(value, ts)] } }]);
    await deliverAndWait(w, [pref('stop', 1767300000)], 1);
    const suppressions = () => query<{ phone: string; bsuid: string | null; scope: string; source: string; occurred: string; lifted: string | null }>(
      `select phone, bsuid, scope, source, extract(epoch from occurred_at)::int::text as occurred, extract(epoch from lifted_at)::int::text as lifted from suppressions where tenant_id = ? order by occurred_at`,
      [w.tenantId],
    );
    expect(await suppressions()).toEqual([{ phone: '+15550198762', bsuid: null, scope: 'marketing', source: 'user_preferences', occurred: '1767300000', lifted: null }]);
    await deliverAndWait(w, [pref('resume', 1767300600)], 2);
    expect(await suppressions()).toEqual([expect.objectContaining({ occurred: '1767300000', lifted: '1767300600' })]);
  });

  it('does not re-suppress on a stale stop older than the resume that arrived first, and suppresses by BSUID alone', async () => {
    const w = await world({ templates: false });
    const pref = (value: 'stop' | 'resume', ts: number, user?: { wa_id?: string; user_id?: string }) =>
      envelope(w.wabaId, [{ field: 'user_preferences', value: { metadata: { phone_number_id: w.phoneNumberId }, user_preferences: [preference(value, ts, user)] } }]);
    await deliverAndWait(w, [pref('resume', 1767300600)], 1);
    // Separate deliveries: within one batch, preferences are applied in the user's order anyway.
    await deliverAndWait(w, [pref('stop', 1767300000), pref('stop', 1767300100, { user_id: `US.${w.wamidTag}` })], 3);
    const active = await query<{ phone: string | null; bsuid: string | null }>(`select phone, bsuid from suppressions where tenant_id = ? and lifted_at is null`, [w.tenantId]);
    expect(active).toEqual([{ phone: null, bsuid: `US.${w.wamidTag}` }]);
    const events = await eventsOf(w);
    expect(events.map((e) => [e.kind, e.outcome])).toEqual([['user_preference.resume', 'applied'], ['user_preference.stop', 'ignored'], ['user_preference.stop', 'applied']]);
    expect(events[1]!.error).toMatch(/^stale stop from 2026-01-01T20:40:00.000Z: the user resumed at 2026-01-01T20:50:00.000Z/);
  });

  it('marks the connection broken when the business uninstalls the app, and connected again on reconnection', async () => {
    const w = await world({ templates: false });
    const account = (event: string, time: number) => envelope(w.wabaId, [{ field: 'account_update', value: { event, waba_info: { waba_id: w.wabaId, owner_business_id: '7' } } }], time);
    await deliverAndWait(w, [account('PARTNER_APP_UNINSTALLED', 1767400000)], 1);
    const state = () => query<{ status: string; status_reason: string | null }>(`select status, status_reason from whatsapp_accounts where id = ?`, [w.accountId]);
    expect(await state()).toEqual([{ status: 'broken', status_reason: "The business removed dbulk's app from its WhatsApp Business Account; reconnect WhatsApp to send again" }]);
    await deliverAndWait(w, [account('ACCOUNT_RECONNECTED', 1767400100)], 2);
    expect(await state()).toEqual([{ status: 'connected', status_reason: null }]);
    const audit = await query<{ action: string; changes: { before: { status: string }; after: { status: string; event: string } } }>(
      `select action, changes from audit_logs where tenant_id = ? order by id`,
      [w.tenantId],
    );
    expect(audit.map((a) => [a.action, a.changes.before.status, a.changes.after.status, a.changes.after.event])).toEqual([
      ['whatsapp.account.broken', 'connected', 'broken', 'PARTNER_APP_UNINSTALLED'],
      ['whatsapp.account.connected', 'broken', 'connected', 'ACCOUNT_RECONNECTED'],
    ]);
  });

  it('applies a capability update to every number of the WABA and ignores unknown templates with the reason', async () => {
    const w = await world({ templates: false });
    const second = await world({ wabaId: w.wabaId, templates: false });
    await deliverAndWait(
      w,
      [
        envelope(w.wabaId, [{ field: 'business_capability_update', value: { max_daily_conversations_per_business: 'TIER_100K' } }], 1767500000),
        envelope(w.wabaId, [{ field: 'message_template_status_update', value: { event: 'APPROVED', message_template_id: 42, reason: 'NONE' } }], 1767500001),
        envelope(w.wabaId, [{ field: 'phone_number_quality_update', value: { display_phone_number: '15550101234', event: 'THROUGHPUT_UPGRADE' } }], 1767500002),
      ],
      3,
    );
    const accounts = await query<{ messaging_limit_tier: string }>(`select messaging_limit_tier from whatsapp_accounts where waba_id = ?`, [w.wabaId]);
    expect(accounts).toEqual([{ messaging_limit_tier: 'TIER_100K' }, { messaging_limit_tier: 'TIER_100K' }]);
    const events = await eventsOf(w);
    expect(events.map((e) => [e.kind, e.outcome, e.tenant_id])).toEqual([
      ['capability', 'applied', null],
      ['template_status.APPROVED', 'ignored', null],
      ['phone_quality.THROUGHPUT_UPGRADE', 'applied', null],
    ]);
    expect(events[1]!.error).toBe(`no template with Meta id 42 in tenants ${[w.tenantId, second.tenantId].sort().join(', ')}`);
    const throughput = await query<{ throughput_level: string | null; throughput_mps: number }>(`select throughput_level, throughput_mps from whatsapp_accounts where waba_id = ? order by created_at`, [w.wabaId]);
    expect(throughput).toEqual([{ throughput_level: 'HIGH', throughput_mps: 1000 }, { throughput_level: 'HIGH', throughput_mps: 1000 }]);
  });

  it('reports readiness and counts changes by kind and outcome in /metrics', async () => {
    const app = await buildApp({ logger: createLogger({ name: 't', level: 'silent' }), registry: processor.metrics.registry, ready: () => processor.ready() });
    const ready = await app.inject('/readyz');
    expect(ready.json()).toEqual({ ready: true, consumer: 'connected', database: 'up' });
    const metrics = (await app.inject('/metrics')).body;
    expect(metrics).toMatch(/processor_webhook_changes_total\{kind="status",outcome="applied"\} \d+/);
    expect(metrics).toMatch(/processor_webhook_changes_total\{kind="status",outcome="duplicate"\} \d+/);
    expect(metrics).toMatch(/processor_records_total\{outcome="processed"\} \d+/);
    expect(metrics).toContain('processor_consumer_lag 0');
    await app.close();
  });
});
