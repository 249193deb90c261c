/**
 * Issue 4's capstone in Chromium: a campaign built in the wizard (template, lists, variables with
 * live sample previews, schedule, preflight) and started; then the whole send path runs — planner
 * and sender (apps/sender) → Meta sandbox → webhooks → ingest → Kafka → processor → dbulk.events →
 * the api's SSE — and the campaign page's counters move live, without a reload. A second draft is
 * scheduled on the tenant's clock and cancelled.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { RunningApp } from '@dbulk/testing';
import { BrowserPages, screenshotter } from '@dbulk/testing/e2e';
import { callTrpc, sandboxScenario, startSender, type Scenario } from './campaigns-helpers';

const webUrl = inject('webUrl');
const sandboxUrl = inject('sandboxUrl');
const missing = inject('webhookPathMissing');
const shot = screenshotter('tenant-web');
const run = randomUUID().slice(0, 8);
const owner = {
  name: 'Carmen Campaign',
  email: `campaign-owner-${run}@example.test`,
  password: 'campaign-owner-pw-123',
};
const tenant = `Campaign Shop ${run}`;
const templateName = `order_ready_${run.replaceAll('-', '')}`;
/** Five distinct numbers: three delivered and read, one not on WhatsApp (131026), one opted out. */
const phone = (n: number) => `+35191${run.replace(/\D/g, '').padEnd(6, '7').slice(0, 6)}${n}`;
const NOT_ON_WHATSAPP = phone(4);

const pages = new BrowserPages(webUrl, { width: 1280, height: 900 });
let page: Page;
let sender: RunningApp | undefined;
let scenarioBefore: Scenario = {};

beforeAll(async () => {
  await pages.launch();
  page = await pages.newPage('campaign-owner');
  if (sandboxUrl) {
    scenarioBefore = await sandboxScenario(sandboxUrl);
    await sandboxScenario(sandboxUrl, {
      nonWhatsAppPrefixes: [...(scenarioBefore.nonWhatsAppPrefixes ?? []), NOT_ON_WHATSAPP.slice(1)],
    });
  }
});

afterAll(async () => {
  await sender?.stop();
  if (sandboxUrl && scenarioBefore.nonWhatsAppPrefixes) {
    await sandboxScenario(sandboxUrl, { nonWhatsAppPrefixes: scenarioBefore.nonWhatsAppPrefixes });
  }
  await pages.close();
});

const counter = (key: string) => page.getByTestId(`counter-${key}`).getAttribute('data-value').then(Number);

describe('campaigns: wizard, live progress, schedule and cancel', () => {
  let listA = '';
  let listB = '';
  let accountId = '';
  let templateId = '';
  let campaignUrl = '';

  it('prepares a tenant with the sandbox number, an approved template and contacts in two lists', async () => {
    expect(missing, 'the webhook path (sandbox → ingest → Kafka → processor) is incomplete').toEqual([]);
    await page.goto('/sign-up');
    await page.getByTestId('sign-up-name').fill(owner.name);
    await page.getByTestId('sign-up-email').fill(owner.email);
    await page.getByTestId('sign-up-password').fill(owner.password);
    await page.getByTestId('sign-up-tenant-name').fill(tenant);
    await page.getByTestId('sign-up-submit').click();
    await expect.poll(() => page.getByTestId('current-tenant-name').textContent()).toBe(tenant);

    await page.getByTestId('nav-whatsapp').click();
    await page.getByTestId('connect-sandbox').click();
    await page.getByTestId('sandbox-connected').waitFor();
    const accounts = await callTrpc<{ id: string }[]>(page, 'query', 'whatsapp.list', undefined);
    accountId = accounts[0]!.id;

    // The template goes through Meta's review in the sandbox; the webhook path approves it.
    const draft = await callTrpc<{ id: string }>(page, 'mutation', 'templates.createDraft', {
      accountId,
      name: templateName,
      language: 'en_US',
      category: 'UTILITY',
      parameterFormat: 'POSITIONAL',
      components: {
        body: { text: 'Hi {{1}}, order {{2}} is ready for pickup.', examples: { '1': 'Ana', '2': 'A-1' } },
      },
    });
    templateId = draft.id;
    await callTrpc(page, 'mutation', 'templates.submit', { templateId });
    await expect
      .poll(
        async () =>
          (await callTrpc<{ status: string }>(page, 'query', 'templates.byId', { templateId })).status,
        {
          timeout: 45_000,
          interval: 500,
        },
      )
      .toBe('APPROVED');

    listA = (await callTrpc<{ id: string }>(page, 'mutation', 'lists.create', { name: `Regulars ${run}` }))
      .id;
    listB = (await callTrpc<{ id: string }>(page, 'mutation', 'lists.create', { name: `Newsletter ${run}` }))
      .id;
    const contacts: [string, string, Record<string, string>, string[]][] = [
      [phone(0), 'Ana', { order: 'A-100' }, [listA]],
      [phone(1), 'Bruno', { order: 'B-200' }, [listA, listB]],
      [phone(2), 'Carla', {}, [listB]],
      [phone(3), 'Duarte', { order: 'D-400' }, [listA]],
      [NOT_ON_WHATSAPP, 'Eva', { order: 'E-500' }, [listA]],
    ];
    for (const [number, name, attributes, listIds] of contacts) {
      const contact = await callTrpc<{ id: string }>(page, 'mutation', 'contacts.create', {
        phone: number,
        name,
        attributes,
        listIds,
      });
      if (name === 'Duarte')
        await callTrpc(page, 'mutation', 'contacts.setOptOut', { contactId: contact.id, optedOut: true });
    }
    expect(pages.errors).toEqual([]);
  });

  it('builds the campaign in the wizard, saving the draft as it goes, and reviews the preflight', async () => {
    await page.getByTestId('nav-campaigns').click();
    await page.getByTestId('campaigns-empty').waitFor();
    await page.getByTestId('new-campaign').click();

    // Template: the approved template of the number, drawn as WhatsApp shows it.
    await page.getByTestId('wizard-name').fill(`Pickup ${run}`);
    await page.getByTestId('wizard-account').selectOption(accountId);
    await page.getByTestId('wizard-template').selectOption(templateId);
    await expect
      .poll(() => page.getByTestId('wizard-template-preview-bubble-body').textContent())
      .toBe('Hi Ana, order A-1 is ready for pickup.');
    await shot(page, '40-campaign-wizard-template');
    await page.getByTestId('wizard-next').click();

    // Audience: the draft exists now, its id in the URL.
    await page.waitForURL(/campaignId=[0-9a-f-]{36}.*step=audience|step=audience.*campaignId=/);
    await page.getByTestId(`wizard-list-Regulars ${run}`).check();
    await page.getByTestId(`wizard-list-Newsletter ${run}`).check();
    await shot(page, '41-campaign-wizard-audience');
    await page.getByTestId('wizard-next').click();

    // Variables: both unmapped at first and named; mapped, the samples render real contacts.
    await page.waitForURL(/step=mapping/);
    await expect.poll(() => page.getByTestId('mapping-unmapped').textContent()).toContain('Body {{1}}');
    await page.getByTestId('mapping-source-body-1').selectOption('field');
    await page.getByTestId('mapping-source-body-2').selectOption('attribute');
    await page.getByTestId('mapping-attribute-body-2').fill('order');
    await page.getByTestId('mapping-fallback-body-2').fill('your order');
    await expect.poll(() => page.getByTestId('mapping-unmapped').count()).toBe(0);
    await expect
      .poll(() => page.getByTestId('mapping-samples').textContent(), { timeout: 15_000 })
      .toContain('Hi Carla, order your order is ready for pickup.');
    expect(await page.getByTestId('mapping-samples').textContent()).toContain(
      'Hi Ana, order A-100 is ready for pickup.',
    );
    await shot(page, '42-campaign-wizard-variables');
    await page.getByTestId('wizard-next').click();

    await page.waitForURL(/step=schedule/);
    await page.getByTestId('schedule-now').check();
    await page.getByTestId('wizard-next').click();

    // Review: five distinct recipients (Bruno is in both lists), the opted-out one skipped.
    await page.waitForURL(/step=review/);
    await expect
      .poll(() => page.getByTestId('preflight-recipients').getAttribute('data-value'), { timeout: 15_000 })
      .toBe('5');
    expect(await page.getByTestId('preflight-will-send').getAttribute('data-value')).toBe('4');
    expect(await page.getByTestId('preflight-skipped-opted_out').textContent()).toContain('1');
    expect(await page.getByTestId('preflight-limit').getAttribute('data-fits')).toBe('true');
    await shot(page, '43-campaign-wizard-review');
    expect(pages.errors).toEqual([]);
  });

  it('starts it and watches the counters move live through the whole send path', async () => {
    let navigations = 0;
    await page.getByTestId('wizard-start').click();
    await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}(\?.*)?$/);
    campaignUrl = page.url();
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations++;
    });
    await expect
      .poll(() => page.getByTestId('campaign-live').textContent(), { timeout: 15_000 })
      .toBe('Live');
    await expect.poll(() => counter('total')).toBe(5);
    // No sender runs yet: the campaign visibly waits, nothing is lost.
    expect([await counter('accepted'), await counter('read'), await counter('skipped')]).toEqual([0, 0, 1]);
    expect(await page.getByTestId('campaign-status').getAttribute('data-status')).toBe('RUNNING');
    await shot(page, '44-campaign-live-waiting');
    // Now the planner and sender start; the page is already subscribed, so it sees every step.
    sender = await startSender(sandboxUrl);
    let sawRate = false;
    // A planner of another test run on the same database may lead for a while; its queued rows
    // come back after the planner's queued lease (60 s), so allow for one lease.
    await expect
      .poll(
        async () => {
          sawRate ||= Number(await page.getByTestId('send-rate').getAttribute('data-rate')) > 0;
          return [await counter('read'), await counter('failed'), await counter('skipped')];
        },
        { timeout: 120_000, interval: 250 },
      )
      .toEqual([3, 1, 1]);
    expect(sawRate).toBe(true);
    expect(await counter('delivered')).toBe(3);
    await expect
      .poll(() => page.getByTestId('campaign-status').getAttribute('data-status'), { timeout: 30_000 })
      .toBe('COMPLETED');
    // The message table follows the live counters.
    await expect
      .poll(() => page.getByTestId(`message-row-${phone(0)}`).textContent(), { timeout: 15_000 })
      .toContain('Read');
    // Everything above arrived over SSE: the page never reloaded.
    expect(navigations).toBe(0);
    await shot(page, '45-campaign-live-completed');

    // The message table: filter to failures, Meta's code and title on the row.
    await page.getByTestId('messages-status').selectOption('FAILED');
    await page.waitForURL(/status=FAILED/);
    await expect.poll(() => page.locator('[data-testid^="message-row-"]').count()).toBe(1);
    expect(await page.getByTestId(`message-row-${NOT_ON_WHATSAPP}`).textContent()).toContain('131026');
    await shot(page, '46-campaign-messages-failed');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('campaign-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    for (const n of [0, 1, 2, 3]) expect(csv).toContain(phone(n).slice(1));
    expect(pages.errors).toEqual([]);
  }, 180_000);

  it('schedules a second draft on the tenant clock, pauses and resumes it, then cancels it after confirming', async () => {
    const { campaignId } = await callTrpc<{ campaignId: string }>(page, 'mutation', 'campaigns.create', {
      name: `Later ${run}`,
      accountId,
      templateId,
      listIds: [listA],
      tagFilter: [],
      variableMapping: {
        'body.1': { source: 'field', field: 'name' },
        'body.2': { source: 'constant', value: 'X-1' },
      },
    });
    await page.goto(`/campaigns/new?campaignId=${campaignId}&step=schedule`);
    await page.getByTestId('schedule-later').check();
    const nextYear = new Date().getUTCFullYear() + 1;
    await page.getByTestId('schedule-at').fill(`${nextYear}-06-01T09:30`);
    await page.getByTestId('wizard-next').click();
    await page.waitForURL(/step=review/);
    await expect
      .poll(() => page.getByTestId('wizard-start').textContent(), { timeout: 15_000 })
      .toContain('Schedule campaign');
    await page.getByTestId('wizard-start').click();
    await page.waitForURL(new RegExp(`/campaigns/${campaignId}`));
    await expect
      .poll(() => page.getByTestId('campaign-status').getAttribute('data-status'))
      .toBe('SCHEDULED');

    // Paused with a reason (shown on the page), resumed back to its schedule, then cancelled.
    await page.getByTestId('campaign-pause').click();
    await page.getByTestId('campaign-pause-reason').fill('Waiting for the new stock list');
    await page.getByTestId('campaign-action-confirm').click();
    await expect
      .poll(() => page.getByTestId('campaign-status').getAttribute('data-status'), { timeout: 15_000 })
      .toBe('PAUSED');
    await expect
      .poll(() => page.getByTestId('campaign-status-banner').textContent())
      .toContain('Waiting for the new stock list');
    await page.getByTestId('campaign-resume').click();
    await page.getByTestId('campaign-action-confirm').click();
    await expect
      .poll(() => page.getByTestId('campaign-status').getAttribute('data-status'), { timeout: 15_000 })
      .toBe('SCHEDULED');
    expect(await page.getByTestId('campaign-status-banner').count()).toBe(0);

    await page.getByTestId('campaign-cancel').click();
    await page.getByTestId('campaign-action-dialog').waitFor();
    await shot(page, '47-campaign-cancel-confirm');
    await page.getByTestId('campaign-action-confirm').click();
    await expect
      .poll(() => page.getByTestId('campaign-status').getAttribute('data-status'), { timeout: 15_000 })
      .toBe('CANCELLED');

    // The list shows both, with their final statuses.
    await page.getByTestId('nav-campaigns').click();
    await page.getByTestId(`campaign-row-Pickup ${run}`).waitFor();
    expect(await page.getByTestId(`campaign-row-Pickup ${run}`).textContent()).toContain('Completed');
    expect(await page.getByTestId(`campaign-row-Later ${run}`).textContent()).toContain('Cancelled');
    await shot(page, '48-campaigns-list');
    expect(campaignUrl).toContain('/campaigns/');
    expect(pages.errors).toEqual([]);
  });

  it('discards a third draft after confirming, back on the list without it', async () => {
    const { campaignId } = await callTrpc<{ campaignId: string }>(page, 'mutation', 'campaigns.create', {
      name: `Scrap ${run}`,
      accountId,
      templateId,
      listIds: [listA],
      tagFilter: [],
      variableMapping: {},
    });
    await page.goto(`/campaigns/${campaignId}`);
    await page.getByTestId('campaign-discard').click();
    await page.getByTestId('campaign-discard-dialog').waitFor();
    await page.getByTestId('campaign-discard-confirm').click();
    await page.waitForURL(/\/campaigns$/);
    await page.getByTestId(`campaign-row-Later ${run}`).waitFor();
    expect(await page.getByTestId(`campaign-row-Scrap ${run}`).count()).toBe(0);
    expect(pages.errors).toEqual([]);
  });
});
