/**
 * Templates end to end through createCaller, against real PostgreSQL and the real Meta sandbox
 * (built app, approval delay 300 ms, policy words and marketing words at their defaults).
 */
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog, Template } from '@dbulk/db';
import { isAppError } from '@dbulk/errors';
import { startSandbox, uniqueEmail, type RunningApp } from '@dbulk/testing';
import { codeOf, createTestApi, type TestApi, type TestBrowser } from './test/test-api';

type Caller = Awaited<ReturnType<TestBrowser['tenant']>>;
type Draft = Parameters<Caller['templates']['createDraft']>[0];

const draft = (
  accountId: string,
  name: string,
  body = 'Hello {{1}}, your order {{2}} has shipped and will arrive soon.',
  over: Partial<Draft> = {},
): Draft => ({
  accountId,
  name,
  language: 'en_US',
  category: 'UTILITY',
  parameterFormat: 'POSITIONAL',
  components: {
    header: { format: 'TEXT', text: 'Order update' },
    body: { text: body, examples: { '1': 'Ana', '2': 'A-42' } },
    footer: { text: 'Thanks for shopping with us' },
    buttons: [{ type: 'URL', text: 'Track', url: 'https://shop.example.com/t/{{1}}', example: 'A-42' }],
  },
  ...over,
});

/** The AppError behind a rejected call (createCaller throws the TRPCError; its cause is ours). */
async function appErrorOf(call: Promise<unknown>) {
  const err = await call.then(
    () => null,
    (e: { cause?: unknown; code?: string }) => e,
  );
  if (!err || !isAppError(err.cause)) throw new Error(`expected an AppError, got ${JSON.stringify(err)}`);
  return { trpc: err.code, ...err.cause, message: err.cause.message, details: err.cause.details ?? {} };
}

describe('templates (against the Meta sandbox)', () => {
  let sandbox: RunningApp;
  let api: TestApi;
  let owner: TestBrowser;
  let tenantId: string;
  let accountId: string;
  const t = async () => (await owner.tenant()).templates;

  /** Refreshes until Meta's review is over (the sandbox decides after its approval delay). */
  async function reviewed(templateId: string) {
    for (let i = 0; i < 50; i++) {
      const detail = await (await t()).refresh({ templateId });
      if (detail.status !== 'PENDING') return detail;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the sandbox never reviewed the template');
  }

  async function approved(name: string, body?: string) {
    const created = await (await t()).createDraft(draft(accountId, name, body));
    await (await t()).submit({ templateId: created.id });
    const detail = await reviewed(created.id);
    expect(detail.status).toBe('APPROVED');
    return detail;
  }

  beforeAll(async () => {
    sandbox = await startSandbox();
    api = await createTestApi({ sandboxUrl: sandbox.url });
    owner = api.browser();
    tenantId = (await owner.signUp({ tenantName: 'Templates Co' })).tenantId;
    accountId = (await (await owner.tenant()).whatsapp.connectSandbox()).id;
  }, 60_000);
  afterAll(async () => {
    await api?.close();
    await sandbox?.stop();
  });

  it('validates as Meta would, naming every field, without saving anything', async () => {
    const before = await api.orm.em.fork().count(Template, { tenant: tenantId });
    const bad = draft(accountId, 'Spring Sale', '{{1}} {{3}}');
    const result = await (await t()).validate({ ...bad, values: { 'body.1': 'Bo' } });
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.field)).toEqual(
      expect.arrayContaining(['name', 'components.body.text', 'components.body.examples.3']),
    );
    expect(result.problems.map((p) => p.message)).toContain(
      'components.body.text: variable {{3}} is out of order — expected {{2}} (number variables {{1}}…{{n}} without gaps)',
    );
    expect(result.preview.body).toBe('Bo {{3}}');
    expect((await (await t()).validate(draft(accountId, 'fine_name'))).ok).toBe(true);
    expect(await api.orm.em.fork().count(Template, { tenant: tenantId })).toBe(before);

    // A draft may be saved with problems; submitting it reports them all and calls nobody.
    const saved = await (await t()).createDraft(bad);
    expect(saved).toMatchObject({ status: 'DRAFT', actions: { canSubmit: true } });
    expect(saved.problems.length).toBeGreaterThanOrEqual(3);
    const refused = await appErrorOf((await t()).submit({ templateId: saved.id }));
    expect(refused).toMatchObject({
      trpc: 'BAD_REQUEST',
      code: 'TEMPLATE_INVALID',
      details: { field: 'name' },
    });
    expect(refused.message).toMatch(
      /^template Spring Sale has \d problem\(s\): name: "Spring Sale" may contain only lowercase letters/,
    );
    // Shapes are zod's: a wrong category never reaches the rules.
    expect(
      await codeOf((await t()).createDraft({ ...draft(accountId, 'x'), category: 'PROMO' as never })),
    ).toBe('BAD_REQUEST');
  });

  it('submits a draft (PENDING), sees it APPROVED after the review, and keeps the history', async () => {
    const created = await (await t()).createDraft(draft(accountId, 'order_shipped'));
    expect(created).toMatchObject({ status: 'DRAFT', version: 1, metaTemplateId: null, problems: [] });
    expect(created.variables.body.map((v) => v.key)).toEqual(['body.1', 'body.2']);
    expect(created.variables.buttons.map((v) => v.key)).toEqual(['buttons.0']);
    const submitted = await (await t()).submit({ templateId: created.id });
    expect(submitted).toMatchObject({
      status: 'PENDING',
      requestedCategory: 'UTILITY',
      actions: { canSubmit: false, canRefresh: true },
    });
    expect(submitted.metaTemplateId).toMatch(/^\d+$/);
    const done = await reviewed(created.id);
    expect(done).toMatchObject({
      status: 'APPROVED',
      category: 'UTILITY',
      actions: { canEdit: true, canDelete: true },
    });
    expect(done.versions.map((v) => [v.event, v.status])).toEqual([
      ['draft_created', 'DRAFT'],
      ['submitted', 'PENDING'],
      ['status_changed', 'APPROVED'],
    ]);
    const preview = await (await t()).preview({ templateId: created.id, values: { 'body.1': 'Bo' } });
    expect(preview.body).toBe('Hello Bo, your order A-42 has shipped and will arrive soon.');
    expect(preview.buttons[0]).toMatchObject({ url: 'https://shop.example.com/t/A-42' });
    const actions = (await api.orm.em.fork().find(AuditLog, { tenantId, targetId: created.id })).map(
      (a) => a.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining(['template.draft_created', 'template.submitted', 'template.refreshed']),
    );
  });

  it('keeps the requested category when Meta approves a UTILITY template as MARKETING', async () => {
    const detail = await approved(
      'spring_offer',
      'Hello {{1}}, enjoy a discount on order {{2}} this week only, friend.',
    );
    expect(detail).toMatchObject({ category: 'MARKETING', requestedCategory: 'UTILITY' });
  });

  it('shows a rejection with its reason, then fixes and resubmits it as version 2', async () => {
    const created = await (
      await t()
    ).createDraft(
      draft(accountId, 'prize_alert', 'Hello {{1}}, claim your prize with order {{2}} before it is gone.'),
    );
    await (await t()).submit({ templateId: created.id });
    const rejected = await reviewed(created.id);
    expect(rejected).toMatchObject({
      status: 'REJECTED',
      rejectionReason: 'SCAM',
      actions: { canUpdateDraft: true, canSubmit: true },
    });
    expect(rejected.rejectionHint).toMatch(/scam/i);
    const fixed = draft(
      accountId,
      'prize_alert',
      'Hello {{1}}, your order {{2}} has a reward waiting in your account.',
    );
    const { accountId: _, ...content } = fixed;
    // Meta owns the name and language now.
    expect(
      (await appErrorOf((await t()).updateDraft({ ...content, templateId: created.id, name: 'other_name' })))
        .details,
    ).toMatchObject({ field: 'name' });
    await (await t()).updateDraft({ ...content, templateId: created.id });
    const resubmitted = await (await t()).submit({ templateId: created.id });
    expect(resubmitted).toMatchObject({ status: 'PENDING', version: 2, rejectionReason: null });
    const done = await reviewed(created.id);
    expect(done.status).toBe('APPROVED');
    expect(done.versions.filter((v) => v.event === 'edited')).toHaveLength(1);
    expect(done.versions.find((v) => v.event === 'submitted')?.components?.body.text).toMatch(
      /claim your prize/,
    );
  });

  it('surfaces Meta’s own refusal with its code, message and the field', async () => {
    // hello_world already exists on the WABA (Meta gives it to every test number) but not in dbulk yet.
    const created = await (
      await t()
    ).createDraft(
      draft(accountId, 'hello_world', undefined, {
        components: { body: { text: 'Hello there, this is a perfectly fine body.' } },
      }),
    );
    const err = await appErrorOf((await t()).submit({ templateId: created.id }));
    expect(err).toMatchObject({
      trpc: 'BAD_REQUEST',
      code: 'TEMPLATE_META_ERROR',
      details: { field: 'name', metaCode: 100, metaSubcode: 2388024 },
    });
    expect(err.message).toMatch(
      /^Meta refused to create template hello_world: Content in this language already exists — .* \(code 100, subcode 2388024\)$/,
    );
    expect((await (await t()).byId({ templateId: created.id })).status).toBe('DRAFT');
    await (await t()).delete({ templateId: created.id });
  });

  it('edits an approved template once per 24 hours, never its category', async () => {
    const live = await approved('delivery_window');
    const components = {
      ...live.components,
      body: {
        text: 'Hello {{1}}, order {{2}} arrives tomorrow between 9 and 12.',
        examples: { '1': 'Ana', '2': 'A-42' },
      },
    };
    expect(
      await appErrorOf((await t()).edit({ templateId: live.id, components, category: 'MARKETING' })),
    ).toMatchObject({ trpc: 'BAD_REQUEST', details: { field: 'category' } });
    expect(
      await appErrorOf(
        (await t()).updateDraft({
          templateId: live.id,
          name: live.name,
          language: live.language,
          category: live.category,
          components,
        }),
      ),
    ).toMatchObject({
      trpc: 'CONFLICT',
      code: 'TEMPLATE_WRONG_STATUS',
    });
    const edited = await (await t()).edit({ templateId: live.id, components });
    expect(edited).toMatchObject({ status: 'PENDING', version: 2 });
    const again = await reviewed(live.id);
    expect(again).toMatchObject({ status: 'APPROVED', actions: { canEdit: false } });
    expect(Date.parse(again.actions.nextEditAt!) - Date.now()).toBeGreaterThan(23 * 3600_000);
    const limited = await appErrorOf((await t()).edit({ templateId: live.id, components }));
    expect(limited).toMatchObject({ trpc: 'TOO_MANY_REQUESTS', code: 'TEMPLATE_EDIT_LIMIT' });
    expect(limited.message).toMatch(
      /Meta allows 1 edit of an approved template per 24 hours; next edit allowed after /,
    );
    expect(again.versions.map((v) => v.event)).toContain('edited_approved');
  });

  it('deletes at Meta, keeps the history, and blocks an approved name for 30 days', async () => {
    const live = await approved('old_promo');
    const deleted = await (await t()).delete({ templateId: live.id });
    expect(deleted).toMatchObject({ status: 'DELETED', actions: { canDelete: false, canRefresh: false } });
    expect(Date.parse(deleted.nameReusableAt!) - Date.now()).toBeGreaterThan(29 * 24 * 3600_000);
    expect(deleted.versions.at(-1)).toMatchObject({
      event: 'deleted_approved',
      reason: expect.stringMatching(/Meta blocks the name old_promo \(en_US\) until/),
    });
    const list = await (await t()).list({});
    expect(list.items.map((i) => i.id)).not.toContain(live.id);
    expect((await (await t()).list({ status: ['DELETED'] })).items.map((i) => i.id)).toContain(live.id);
    expect(list.counts.DELETED).toBeGreaterThanOrEqual(1);
    expect(await appErrorOf((await t()).createDraft(draft(accountId, 'old_promo')))).toMatchObject({
      code: 'TEMPLATE_NAME_BLOCKED',
      details: { field: 'name' },
    });

    // A draft Meta never saw is deleted locally; its name comes back as version 2 of the same row.
    const local = await (await t()).createDraft(draft(accountId, 'scratch_pad'));
    await (await t()).delete({ templateId: local.id });
    const revived = await (await t()).createDraft(draft(accountId, 'scratch_pad'));
    expect(revived).toMatchObject({ id: local.id, status: 'DRAFT', version: 2 });
    expect(revived.versions.map((v) => v.event)).toEqual(['draft_created', 'deleted', 'draft_created']);
  });

  it('imports the WABA’s existing templates, hello_world included, and upserts on a second run', async () => {
    const res = await request(`${sandbox.url}/_sandbox/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({}),
    });
    const acct = (await res.body.json()) as {
      waba_id: string;
      phone_number_id: string;
      access_token: string;
    };
    // A template made outside dbulk (in "WhatsApp Manager"), with named variables.
    const made = await request(`${sandbox.url}/v23.0/${acct.waba_id}/message_templates`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${acct.access_token}` },
      body: JSON.stringify({
        name: 'welcome_named',
        language: 'en',
        category: 'UTILITY',
        parameter_format: 'NAMED',
        components: [
          {
            type: 'BODY',
            text: 'Hi {{first_name}}, welcome to our store and thanks.',
            example: { body_text_named_params: [{ param_name: 'first_name', example: 'Ana' }] },
          },
        ],
      }),
    });
    expect(made.statusCode).toBe(200);
    const connected = await (
      await owner.tenant()
    ).whatsapp.connect({
      wabaId: acct.waba_id,
      phoneNumberId: acct.phone_number_id,
      accessToken: acct.access_token,
    });
    const first = await (await t()).import({ accountId: connected.id });
    expect(first).toEqual({ total: 2, created: 2, updated: 0, unchanged: 0, skipped: 0 });
    const listed = await (await t()).list({ accountId: connected.id });
    const hello = listed.items.find((i) => i.name === 'hello_world')!;
    expect(hello).toMatchObject({
      status: 'APPROVED',
      category: 'UTILITY',
      language: 'en_US',
      requestedCategory: null,
    });
    const detail = await (await t()).byId({ templateId: hello.id });
    expect(detail.components).toMatchObject({
      header: { format: 'TEXT', text: 'Hello World' },
      footer: { text: 'WhatsApp Business Platform sample message' },
    });
    expect(detail.versions.map((v) => v.event)).toEqual(['imported']);
    const named = await (
      await t()
    ).byId({ templateId: listed.items.find((i) => i.name === 'welcome_named')!.id });
    expect(named).toMatchObject({
      parameterFormat: 'NAMED',
      components: { body: { examples: { first_name: 'Ana' } } },
    });
    const second = await (await t()).import({ accountId: connected.id });
    expect(second.created).toBe(0);
    expect(second.updated + second.unchanged).toBe(2);
    expect(await api.orm.em.fork().count(AuditLog, { tenantId, action: 'template.imported' })).toBe(2);
  });

  it('lets viewers read and preview but not write; another tenant sees nothing', async () => {
    const mine = await (await t()).createDraft(draft(accountId, 'role_check'));
    const email = uniqueEmail('viewer');
    const invite = await (await owner.tenant()).members.invite({ email, role: 'viewer' });
    const viewer = api.browser();
    await viewer.signUp({ email, invitationToken: invite.token });
    const asViewer = (await viewer.tenant()).templates;
    expect((await asViewer.byId({ templateId: mine.id })).name).toBe('role_check');
    expect((await asViewer.preview({ templateId: mine.id })).body).toMatch(/^Hello Ana/);
    expect(await codeOf(asViewer.createDraft(draft(accountId, 'nope')))).toBe('FORBIDDEN');
    expect(await codeOf(asViewer.submit({ templateId: mine.id }))).toBe('FORBIDDEN');

    const stranger = api.browser();
    await stranger.signUp();
    const theirs = (await stranger.tenant()).templates;
    expect((await theirs.list({})).items).toEqual([]);
    // Thunks, so each call starts only when awaited (an early rejection is never unhandled).
    for (const call of [
      () => theirs.byId({ templateId: mine.id }),
      () => theirs.delete({ templateId: mine.id }),
      () => theirs.list({ accountId }),
      () => theirs.import({ accountId }),
    ]) {
      expect(await codeOf(call())).toBe('NOT_FOUND');
    }
  });
});
