/**
 * Campaigns through createCaller against real PostgreSQL and Kafka (topics under a test prefix):
 * drafts, preflight with every skip reason, the set-wise start, control records, live progress
 * through the dbulk.events hub, roles, and the 100,000-recipient start (time logged).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog, Campaign, type EntityManager } from '@dbulk/db';
import { isAppError } from '@dbulk/errors';
import { exportMessagesCsv, startEventsHub, type EventsHub } from '@dbulk/domain-campaigns';
import {
  campaignKafka,
  createAccount,
  createGeneratedList,
  createList,
  createTemplate,
  FOUR_VARIABLE_MAPPING,
} from '@dbulk/domain-campaigns/testing';
import { waitFor } from '@dbulk/kafka/testing';
import { uniqueEmail } from '@dbulk/testing';
import { codeOf, createTestApi, type TestApi, type TestBrowser } from './test/test-api';

async function appErrorOf(call: Promise<unknown>) {
  const err = await call.then(
    () => null,
    (e: { cause?: unknown; code?: string }) => e,
  );
  if (!err || !isAppError(err.cause)) throw new Error(`expected an AppError, got ${String(err)}`);
  return {
    trpc: err.code,
    code: err.cause.code,
    message: err.cause.message,
    details: err.cause.details ?? {},
  };
}

const statusCounts = async (em: EntityManager, campaignId: string) =>
  Object.fromEntries(
    (
      (await em.execute(
        `select status || coalesce(':' || reason, '') as k, count(*)::int as n from campaign_messages where campaign_id = ? group by 1`,
        [campaignId],
      )) as { k: string; n: number }[]
    ).map((r) => [r.k, r.n]),
  );

describe('campaigns', () => {
  let kafka: Awaited<ReturnType<typeof campaignKafka>>;
  let hub: EventsHub;
  let api: TestApi;
  let owner: TestBrowser;
  let tenantId: string;
  let account: Awaited<ReturnType<typeof createAccount>>;
  let templateId: string;
  const c = async () => (await owner.tenant()).campaigns;
  const em = () => api.orm.em.fork();

  beforeAll(async () => {
    kafka = await campaignKafka('api-campaigns');
    hub = await startEventsHub({
      kafka: kafka.kafka,
      logger: kafka.logger,
      producer: kafka.producer,
      topicPrefix: kafka.prefix,
      instance: `test-${Date.now()}`,
    });
    api = await createTestApi({ topicPrefix: kafka.prefix, events: hub.emitter });
    owner = api.browser();
    tenantId = (await owner.signUp({ tenantName: 'Campaigns Co' })).tenantId;
    account = await createAccount(em(), tenantId, { tier: 'TIER_250' });
    templateId = await createTemplate(em(), tenantId, account, { category: 'MARKETING' });
  }, 120_000);
  afterAll(async () => {
    await hub?.close();
    await api?.close();
    await kafka?.close();
  });

  it('lists the template variables a campaign maps', async () => {
    const variables = await (await c()).variables({ templateId });
    expect(variables.map((v) => v.key)).toEqual(['header.1', 'body.1', 'body.2', 'buttons.0']);
    expect(variables[2]).toMatchObject({ component: 'body', example: 'X1' });
  });

  it('refuses a template of another WABA and one that is not approved', async () => {
    const other = await createAccount(em(), tenantId);
    const pending = await createTemplate(em(), tenantId, account, { status: 'PENDING' });
    const base = {
      name: 'x',
      accountId: other.id,
      templateId,
      listIds: [],
      tagFilter: [],
      variableMapping: {},
    };
    expect((await appErrorOf((await c()).create(base))).code).toBe('CAMPAIGN_TEMPLATE_OTHER_WABA');
    expect(
      (await appErrorOf((await c()).create({ ...base, accountId: account.id, templateId: pending }))).code,
    ).toBe('CAMPAIGN_TEMPLATE_NOT_APPROVED');
  });

  it('counts every skip reason in preflight, then starts with exact rows and counters', async () => {
    const vip = ['vip'];
    const listA = await createList(em(), tenantId, [
      { phone: '+4915111110001', name: 'Ana', attributes: { code: 'A-1' }, tags: vip },
      { phone: '+4915111110002', name: 'Bo', tags: vip },
      { phone: '+4915111110003', name: 'Cy', tags: vip },
      { phone: '+0123456', name: 'Invalid', tags: vip },
      { phone: '+4915111110004', name: 'Opted', tags: vip, optedOut: true },
      { phone: '+4915111110005', name: 'Stopped', tags: vip },
      { phone: '+4915111110006', name: 'NoMarketing', tags: vip },
      { phone: '+12125550123', name: 'New York', tags: vip },
      { phone: '+14165550123', name: 'Toronto', tags: vip },
      { phone: '+4915111110007', name: 'No tag' },
    ]);
    const listB = await createList(em(), tenantId, [
      { phone: '+4915111110001', name: 'Ana', attributes: { code: 'A-1' }, tags: vip },
      { phone: '+4915111110002', name: 'Bo', tags: vip },
    ]);
    await em().execute(
      `insert into suppressions (id, created_at, updated_at, tenant_id, phone, scope, source, occurred_at)
       values (gen_random_uuid(), now(), now(), ?, '+4915111110005', 'all', 'keyword', now()),
              (gen_random_uuid(), now(), now(), ?, '+4915111110006', 'marketing', 'user_preferences', now())`,
      [tenantId, tenantId],
    );
    const mapping = { 'body.1': FOUR_VARIABLE_MAPPING['body.1'], 'body.2': FOUR_VARIABLE_MAPPING['body.2'] };
    const { campaignId } = await (
      await c()
    ).create({
      name: 'Spring sale',
      accountId: account.id,
      templateId,
      listIds: [listA, listB],
      tagFilter: vip,
      variableMapping: mapping,
    });

    const preflight = await (await c()).preflight({ campaignId });
    expect(preflight.recipients).toBe(9);
    expect(Object.fromEntries(preflight.skipped.map((s) => [s.reason, s.count]))).toEqual({
      invalid: 1,
      opted_out: 1,
      suppressed: 2,
      us_marketing: 1,
      duplicate: 2,
    });
    expect(preflight.willSend).toBe(4);
    expect(preflight.unmapped).toEqual(['header.1', 'buttons.0']);
    expect(preflight.messagingLimit).toMatchObject({
      tier: 'TIER_250',
      limit: 250,
      usedLast24h: 0,
      available: 250,
      fits: true,
    });
    expect(preflight.messagingLimit.days).toHaveLength(1);
    // Quoted from the rate card in force (seed:pricing), markup included; details per market in `cost`.
    expect(preflight.estimatedCost).toMatch(/^\d+\.\d{6}$/);

    // Start refuses, naming every unmapped variable; nothing is written.
    const refused = await appErrorOf((await c()).start({ campaignId }));
    expect(refused).toMatchObject({
      trpc: 'BAD_REQUEST',
      code: 'CAMPAIGN_VARIABLES_UNMAPPED',
      details: { unmapped: ['header.1', 'buttons.0'] },
    });
    expect(refused.message).toContain('header.1, buttons.0');
    expect(await statusCounts(em(), campaignId)).toEqual({});

    await (await c()).update({ campaignId, variableMapping: { ...FOUR_VARIABLE_MAPPING } });
    const preview = await (await c()).preview({ campaignId, sample: 2 });
    expect(preview.unmapped).toEqual([]);
    expect(preview.samples[0]).toMatchObject({
      phone: '+12125550123',
      header: 'Hi New York',
      body: 'Hello New York, your code is NONE. See you soon at the store.',
    });

    const started = await (await c()).start({ campaignId });
    expect(started).toMatchObject({
      status: 'RUNNING',
      counters: { total: 9, pending: 4, skipped: 5, queued: 0 },
    });
    expect(started.startedAt).not.toBeNull();
    expect(await statusCounts(em(), campaignId)).toEqual({
      PENDING: 4,
      'SKIPPED:invalid': 1,
      'SKIPPED:opted_out': 1,
      'SKIPPED:suppressed': 2,
      'SKIPPED:us_marketing': 1,
    });
    const [ana] = (await em().execute(
      `select variables from campaign_messages where campaign_id = ? and phone = '+4915111110001'`,
      [campaignId],
    )) as {
      variables: Record<string, string>;
    }[];
    expect(ana!.variables).toEqual({
      'header.1': 'Ana',
      'body.1': 'Ana',
      'body.2': 'A-1',
      'buttons.0': 'spring',
    });
    const [toronto] = (await em().execute(
      `select variables from campaign_messages where campaign_id = ? and phone = '+14165550123'`,
      [campaignId],
    )) as {
      variables: Record<string, string>;
    }[];
    expect(toronto!.variables['body.2']).toBe('NONE');
    expect(await em().count(AuditLog, { tenantId, action: 'campaign.started', targetId: campaignId })).toBe(
      1,
    );
    expect((await appErrorOf((await c()).start({ campaignId }))).code).toBe('CAMPAIGN_NOT_STARTABLE');
    expect((await appErrorOf((await c()).update({ campaignId, name: 'renamed' }))).code).toBe(
      'CAMPAIGN_NOT_DRAFT',
    );

    const page = await (await c()).messages({ campaignId, status: 'SKIPPED', limit: 3 });
    expect(page.items).toHaveLength(3);
    const rest = await (
      await c()
    ).messages({ campaignId, status: 'SKIPPED', limit: 3, cursor: page.nextCursor! });
    expect(rest.items).toHaveLength(2);
    expect(rest.nextCursor).toBeNull();
    // The CSV export (served streamed by apps/api at /exports/campaigns/:id/messages.csv).
    const csv = await exportMessagesCsv(em(), tenantId, campaignId);
    expect(csv.fileName).toBe('spring-sale-messages.csv');
    let text = '';
    for await (const chunk of csv.lines) text += chunk;
    expect(text.trim().split('\r\n')).toHaveLength(10);
    expect((await (await c()).list({ limit: 10 })).items.map((i) => i.id)).toContain(campaignId);
  });

  it('pauses, resumes and cancels with a control record each and live progress over SSE', async () => {
    const control = await kafka.collect('dbulk.control');
    const list = await createList(em(), tenantId, [
      { phone: '+4915122220001', name: 'A' },
      { phone: '+4915122220002', name: 'B' },
      { phone: '+4915122220003', name: 'C' },
    ]);
    const { campaignId } = await (
      await c()
    ).create({
      name: 'Control',
      accountId: account.id,
      templateId,
      listIds: [list],
      tagFilter: [],
      variableMapping: { ...FOUR_VARIABLE_MAPPING },
    });
    await (await c()).start({ campaignId });

    const controller = new AbortController();
    const stream = await (
      await owner.tenant({ signal: controller.signal })
    ).campaigns.onProgress({ campaignId });
    const seen: { status: string; counters: { skipped: number } }[] = [];
    const reading = (async () => {
      for await (const item of stream)
        seen.push((Array.isArray(item) ? item[1] : item) as (typeof seen)[number]);
    })();
    await waitFor(() => seen.length >= 1, { what: 'the first snapshot' });
    expect(seen[0]).toMatchObject({ status: 'RUNNING' });

    expect(await (await c()).pause({ campaignId, reason: 'checking the copy' })).toMatchObject({
      status: 'PAUSED',
      statusReason: 'checking the copy',
    });
    await waitFor(() => seen.some((s) => s.status === 'PAUSED'), {
      what: 'the PAUSED snapshot through Kafka',
      timeoutMs: 15_000,
    });
    expect((await appErrorOf((await c()).pause({ campaignId }))).code).toBe('CAMPAIGN_WRONG_STATUS');
    expect(await (await c()).resume({ campaignId })).toMatchObject({ status: 'RUNNING', statusReason: null });
    const cancelled = await (await c()).cancel({ campaignId });
    expect(cancelled).toMatchObject({ status: 'CANCELLED', counters: { total: 3, pending: 0, skipped: 3 } });
    expect(await statusCounts(em(), campaignId)).toEqual({ 'SKIPPED:cancelled': 3 });
    await waitFor(() => seen.some((s) => s.status === 'CANCELLED' && s.counters.skipped === 3), {
      what: 'the CANCELLED snapshot',
      timeoutMs: 15_000,
    });
    controller.abort();
    await reading.catch(() => {});

    const actions = await waitFor(
      () => {
        const mine = control.filter((r) => r.value.type === 'campaign' && r.value.campaignId === campaignId);
        return mine.length === 3 ? mine : null;
      },
      { what: 'three control records', timeoutMs: 15_000 },
    );
    expect(actions.map((r) => (r.value as { action: string }).action)).toEqual(['pause', 'resume', 'cancel']);
    expect(actions.every((r) => r.key === `campaign:${campaignId}`)).toBe(true);
    const audit = await em().find(AuditLog, { tenantId, targetId: campaignId }, { orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual([
      'campaign.created',
      'campaign.started',
      'campaign.paused',
      'campaign.resumed',
      'campaign.cancelled',
    ]);
  });

  it('lets members draft but only admins and owners start', async () => {
    const email = uniqueEmail('member');
    const invitation = await (await owner.tenant()).members.invite({ email, role: 'member' });
    const member = api.browser();
    await member.signUp({ email, invitationToken: invitation.token });
    const list = await createList(em(), tenantId, [{ phone: '+4915133330001', name: 'M' }]);
    const { campaignId } = await (
      await member.tenant()
    ).campaigns.create({
      name: 'By a member',
      accountId: account.id,
      templateId,
      listIds: [list],
      tagFilter: [],
      variableMapping: { ...FOUR_VARIABLE_MAPPING },
    });
    expect(await codeOf((await member.tenant()).campaigns.start({ campaignId }))).toBe('FORBIDDEN');
    expect(await codeOf((await member.tenant()).campaigns.cancel({ campaignId }))).toBe('FORBIDDEN');
    expect((await (await c()).start({ campaignId })).status).toBe('RUNNING');
    // Started: it can no longer be discarded, only cancelled (it keeps its history).
    expect(await codeOf((await member.tenant()).campaigns.discard({ campaignId }))).toBe('CONFLICT');
  });

  it('discards a draft (audited), and nothing else', async () => {
    const list = await createList(em(), tenantId, [{ phone: '+4915133330002', name: 'D' }]);
    const { campaignId } = await (
      await c()
    ).create({
      name: 'Never mind',
      accountId: account.id,
      templateId,
      listIds: [list],
      tagFilter: [],
      variableMapping: { ...FOUR_VARIABLE_MAPPING },
    });
    expect(await (await c()).discard({ campaignId })).toEqual({ campaignId });
    expect(await codeOf((await c()).byId({ campaignId }))).toBe('NOT_FOUND');
    const audit = await em().execute<{ action: string }[]>(
      `select action from audit_logs where target_id = ? order by created_at`,
      [campaignId],
    );
    expect(audit.map((a) => a.action)).toEqual(['campaign.created', 'campaign.discarded']);
    expect(await codeOf((await c()).discard({ campaignId }))).toBe('NOT_FOUND');
  });

  it('waits for a scheduled time given in the tenant timezone', async () => {
    const list = await createList(em(), tenantId, [{ phone: '+4915144440001', name: 'S' }]);
    const at = new Date(Date.now() + 3 * 86_400_000);
    const local = at.toISOString().slice(0, 16);
    const { campaignId } = await (
      await c()
    ).create({
      name: 'Later',
      accountId: account.id,
      templateId,
      listIds: [list],
      tagFilter: [],
      variableMapping: { ...FOUR_VARIABLE_MAPPING },
      scheduledAt: local,
    });
    const started = await (await c()).start({ campaignId });
    expect(started).toMatchObject({ status: 'SCHEDULED', startedAt: null, counters: { pending: 1 } });
    expect(started.scheduledAt).toBe(`${local}:00.000Z`);
    expect(
      (
        await appErrorOf(
          (await c()).create({
            name: 'Past',
            accountId: account.id,
            templateId,
            listIds: [list],
            tagFilter: [],
            variableMapping: {},
            scheduledAt: '2020-01-01T09:00',
          }),
        )
      ).code,
    ).toBe('CAMPAIGN_SCHEDULE_IN_PAST');
  });

  it('shows the split across days when the messaging limit does not fit', async () => {
    const list = await createGeneratedList(em(), tenantId, 600, 4915300000000);
    const { campaignId } = await (
      await c()
    ).create({
      name: 'Too many',
      accountId: account.id,
      templateId,
      listIds: [list],
      tagFilter: [],
      variableMapping: { ...FOUR_VARIABLE_MAPPING },
    });
    const preflight = await (await c()).preflight({ campaignId });
    expect(preflight.willSend).toBe(600);
    expect(preflight.messagingLimit.fits).toBe(false);
    expect(preflight.messagingLimit.days.map((d) => d.count)).toEqual([250, 250, 100]);
  });

  it('starts a campaign of 100,000 recipients in one statement (time logged)', async () => {
    const big = await createAccount(em(), tenantId, { tier: 'TIER_UNLIMITED' });
    const utility = await createTemplate(em(), tenantId, big, { category: 'UTILITY' });
    const list = await createGeneratedList(em(), tenantId, 100_000, 4915600000000);
    const { campaignId } = await (
      await c()
    ).create({
      name: 'Hundred thousand',
      accountId: big.id,
      templateId: utility,
      listIds: [list],
      tagFilter: [],
      variableMapping: { ...FOUR_VARIABLE_MAPPING },
    });
    const began = performance.now();
    const started = await (await c()).start({ campaignId });
    const ms = Math.round(performance.now() - began);
    console.info(`[benchmark] campaigns.start with 100,000 recipients returned in ${ms} ms`);
    expect(started.counters).toMatchObject({ total: 100_000, pending: 100_000, skipped: 0 });
    const row = await em().findOneOrFail(Campaign, { id: campaignId });
    expect(row.pending).toBe(100_000);
    const [sample] = (await em().execute(
      `select variables from campaign_messages where campaign_id = ? and phone = '+4915600000042'`,
      [campaignId],
    )) as {
      variables: Record<string, string>;
    }[];
    expect(sample!.variables).toEqual({
      'header.1': 'Contact 42',
      'body.1': 'Contact 42',
      'body.2': 'C42',
      'buttons.0': 'spring',
    });
  }, 120_000);
});
