/**
 * Issue 3's capstone in Chromium: connect the sandbox number, write a template, submit it, see it
 * APPROVED by the webhook path (sandbox → ingest → Kafka → processor → database; the page only
 * refetches, it never calls `refresh`), then send it as a test message and see it delivered.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BrowserPages, screenshotter } from '@dbulk/testing/e2e';

const webUrl = inject('webUrl');
const sandboxUrl = inject('sandboxUrl');
const missing = inject('webhookPathMissing');
const shot = screenshotter('tenant-web');
const run = randomUUID().slice(0, 8);
const owner = {
  name: 'Wanda WhatsApp',
  email: `wa-owner-${run}@example.test`,
  password: 'wa-owner-password-123',
};
const tenant = `Sandbox Shop ${run}`;
const templateName = `order_update_${run.replaceAll('-', '')}`;
const refreshCalls: string[] = [];

const pages = new BrowserPages(webUrl, { width: 1280, height: 900 });
let page: Page;

beforeAll(async () => {
  await pages.launch();
  page = await pages.newPage('whatsapp-owner');
  page.on('request', (request) => {
    if (request.url().includes('templates.refresh')) refreshCalls.push(request.url());
  });
});

afterAll(() => pages.close());

/** A number "in WhatsApp Manager": the sandbox's control API plays Meta's side of the setup. */
async function createMetaNumber() {
  const token = `EAAG${randomUUID().replaceAll('-', '')}`;
  const response = await fetch(`${sandboxUrl}/_sandbox/accounts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      access_token: token,
      verified_name: 'Acme Deliveries',
      waba_name: 'Acme Deliveries WABA',
      quality_rating: 'YELLOW',
      messaging_limit_tier: 'TIER_2K',
    }),
  });
  expect(response.status).toBe(201);
  const body = (await response.json()) as { waba_id: string; phone_number_id: string };
  return { wabaId: body.waba_id, phoneNumberId: body.phone_number_id, token };
}

async function signUp() {
  await page.goto('/sign-up');
  await page.getByTestId('sign-up-name').fill(owner.name);
  await page.getByTestId('sign-up-email').fill(owner.email);
  await page.getByTestId('sign-up-password').fill(owner.password);
  await page.getByTestId('sign-up-tenant-name').fill(tenant);
  await page.getByTestId('sign-up-submit').click();
  await expect.poll(() => page.getByTestId('current-tenant-name').textContent()).toBe(tenant);
}

describe('WhatsApp numbers, templates and test messages', () => {
  it('connects the sandbox number and validates a number with Meta before connecting', async () => {
    await signUp();
    await page.getByTestId('nav-whatsapp').click();
    await page.getByTestId('numbers-empty').waitFor();
    await shot(page, '20-whatsapp-empty');

    // Validate shows what Meta reports and stores nothing; the token is a password field.
    await page.getByTestId('connect-number').click();
    expect(await page.getByTestId('connect-access-token').getAttribute('type')).toBe('password');
    const meta = await createMetaNumber();
    await page.getByTestId('connect-waba-id').fill(meta.wabaId);
    await page.getByTestId('connect-phone-number-id').fill('100000000000999');
    await page.getByTestId('connect-access-token').fill(meta.token);
    await page.getByTestId('connect-validate').click();
    // Meta's refusal lands on the field it names.
    await expect
      .poll(() => page.getByTestId('connect-phone-number-id').getAttribute('aria-invalid'))
      .toBe('true');
    await shot(page, '21-whatsapp-validate-refused');
    await page.getByTestId('connect-phone-number-id').fill(meta.phoneNumberId);
    await page.getByTestId('connect-validate').click();
    await page.getByTestId('connect-facts').waitFor();
    expect(await page.getByTestId('connect-facts').textContent()).toContain('Acme Deliveries');
    await shot(page, '22-whatsapp-validated');
    await page.getByTestId('connect-submit').click();
    await page.getByTestId(`number-row-${meta.phoneNumberId}`).waitFor();
    expect(await page.getByTestId('connect-access-token').count()).toBe(0);

    await page.getByTestId('connect-sandbox').click();
    await page.getByTestId('sandbox-connected').waitFor();
    await expect.poll(() => page.getByTestId('number-link').count()).toBe(2);
    await shot(page, '23-whatsapp-numbers');

    // The number's page: facts and the test-message panel (hello_world is typed by hand here).
    await page
      .locator('[data-testid^="number-row-"]', { hasText: 'Sandbox' })
      .getByTestId('number-link')
      .click();
    await page.getByTestId('test-message-panel').waitFor();
    await expect.poll(() => page.getByTestId('test-template-name').inputValue()).toBe('hello_world');
    await shot(page, '23b-whatsapp-number');
    expect(pages.errors).toEqual([]);
  });

  it('imports the number’s templates, builds one with live checks and preview, and submits it', async () => {
    await page.getByTestId('nav-templates').click();
    await page.getByTestId('templates-empty').waitFor();
    await shot(page, '24-templates-empty');

    // Every sandbox number starts with hello_world, as Meta's test numbers do.
    await page.getByTestId('import-templates').click();
    await page.locator('[data-testid^="import-from-"]').last().click();
    await expect.poll(() => page.getByTestId('import-result').textContent()).toContain('1 new');
    await page.getByTestId('template-row-hello_world').waitFor();
    await shot(page, '25-templates-imported');

    await page.getByTestId('new-template').click();
    await page.getByTestId('builder-name').fill(templateName);
    const sandboxOption = await page
      .getByTestId('builder-account')
      .locator('option', { hasText: tenant })
      .getAttribute('value');
    await page.getByTestId('builder-account').selectOption(sandboxOption!);
    await page.getByTestId('builder-category').selectOption('UTILITY');
    await page.getByTestId('builder-body').fill('Hi ');
    await page.getByTestId('builder-body-variable').click();
    await page.getByTestId('builder-body').press('End');
    await page
      .getByTestId('builder-body')
      .pressSequentially(', your order has shipped and arrives *tomorrow*.');
    expect(await page.getByTestId('builder-body').inputValue()).toBe(
      'Hi {{1}}, your order has shipped and arrives *tomorrow*.',
    );
    // Live validation: the missing sample is named next to its field before anything is saved.
    await expect
      .poll(() => page.getByTestId('builder-example-1').getAttribute('aria-invalid'), { timeout: 10_000 })
      .toBe('true');
    await expect.poll(() => page.getByTestId('builder-checks').getAttribute('data-ready')).toBe('false');
    await shot(page, '26-template-builder-problems');

    await page.getByTestId('builder-example-1').fill('Ana');
    await page.getByTestId('builder-footer').fill('Reply STOP to opt out');
    await page.getByTestId('builder-add-button').click();
    await page.getByTestId('builder-add-QUICK_REPLY').click();
    await page.getByTestId('builder-button-text-0').fill('Thanks!');
    await expect
      .poll(() => page.getByTestId('builder-checks').getAttribute('data-ready'), { timeout: 10_000 })
      .toBe('true');
    // The preview draws the message as WhatsApp shows it, the sample in place of {{1}}.
    await expect
      .poll(() => page.getByTestId('template-preview-bubble-body').textContent())
      .toBe('Hi Ana, your order has shipped and arrives tomorrow.');
    await shot(page, '27-template-builder-ready');

    await page.getByTestId('builder-submit').click();
    await page.waitForURL(/\/templates\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('template-title').textContent()).toBe(templateName);
    await expect.poll(() => page.getByTestId('template-status').getAttribute('data-status')).toBe('PENDING');
    await shot(page, '28-template-pending');
    expect(pages.errors).toEqual([]);
  });

  it('sees the template APPROVED through the webhook path, without asking Meta', async () => {
    expect(missing, 'the webhook path (sandbox → ingest → Kafka → processor) is incomplete').toEqual([]);
    // Only a webhook can move it: the page refetches dbulk's own row, never calls templates.refresh.
    await expect
      .poll(() => page.getByTestId('template-status').getAttribute('data-status'), {
        timeout: 45_000,
        interval: 500,
      })
      .toBe('APPROVED');
    expect(refreshCalls).toEqual([]);
    await page.getByTestId('template-history-meta-APPROVED').waitFor();
    await shot(page, '29-template-approved');

    await page.getByTestId('nav-templates').click();
    await page
      .getByTestId('templates-filter')
      .getByRole('button', { name: /Approved/ })
      .click();
    await page.waitForURL(/status=approved/);
    await expect
      .poll(() =>
        page.getByTestId('templates-filter').locator('[data-value="approved"]').getAttribute('aria-pressed'),
      )
      .toBe('true');
    await page.getByTestId(`template-row-${templateName}`).waitFor();
    await shot(page, '30-templates-approved');
    expect(pages.errors).toEqual([]);
  });

  it('sends the approved template as a test message and sees it delivered', async () => {
    expect(missing, 'the webhook path (sandbox → ingest → Kafka → processor) is incomplete').toEqual([]);
    await page.getByTestId('nav-whatsapp').click();
    await page
      .locator('[data-testid^="number-row-"]', { hasText: 'Sandbox' })
      .getByTestId('number-link')
      .click();
    await page.getByTestId('test-message-panel').waitFor();
    const option = await page
      .getByTestId('test-template')
      .locator('option', { hasText: templateName })
      .getAttribute('value');
    await page.getByTestId('test-template').selectOption(option!);
    await expect.poll(() => page.getByTestId('test-variable-1').inputValue()).toBe('Ana');
    await page.getByTestId('test-variable-1').fill('Wanda');
    await expect
      .poll(() => page.getByTestId('test-preview-bubble-body').textContent())
      .toBe('Hi Wanda, your order has shipped and arrives tomorrow.');
    await page.getByTestId('test-to').fill('+14155550123');
    await page.getByTestId('test-send').click();
    await page.getByTestId('test-wamid').waitFor();
    await shot(page, '31-test-message-sent');
    await expect
      .poll(() => page.getByTestId('test-status-delivered').getAttribute('data-state'), { timeout: 30_000 })
      .toBe('done');
    await expect
      .poll(() => page.getByTestId('test-status').getAttribute('data-outcome'), { timeout: 30_000 })
      .toBe('read');
    await shot(page, '32-test-message-delivered');
    expect(pages.errors).toEqual([]);
  });

  it('shows Meta’s rejection with its reason, and approves an edited resubmission', async () => {
    expect(missing, 'the webhook path (sandbox → ingest → Kafka → processor) is incomplete').toEqual([]);
    await page.getByTestId('nav-templates').click();
    await page.getByTestId('new-template').click();
    await page.getByTestId('builder-name').fill(`prize_notice_${run}`);
    const sandboxOption = await page
      .getByTestId('builder-account')
      .locator('option', { hasText: tenant })
      .getAttribute('value');
    await page.getByTestId('builder-account').selectOption(sandboxOption!);
    await page.getByTestId('builder-category').selectOption('MARKETING');
    await page.getByTestId('builder-body').fill('Hello {{1}}, claim your prize at our store this week.');
    await page.getByTestId('builder-example-1').fill('Ana');
    await expect
      .poll(() => page.getByTestId('builder-checks').getAttribute('data-ready'), { timeout: 10_000 })
      .toBe('true');
    await page.getByTestId('builder-submit').click();
    await page.waitForURL(/\/templates\/[0-9a-f-]{36}$/);

    // The sandbox's review refuses the wording; its webhook carries the reason.
    await expect
      .poll(() => page.getByTestId('template-status').getAttribute('data-status'), {
        timeout: 45_000,
        interval: 500,
      })
      .toBe('REJECTED');
    await expect.poll(() => page.getByTestId('error-banner').textContent()).toMatch(/rejected/i);
    await page.getByTestId('template-history-meta-REJECTED').waitFor();
    await shot(page, '33-template-rejected');

    await page.getByTestId('template-edit').click();
    await page.waitForURL(/\/edit$/);
    expect(await page.getByTestId('builder-name').isDisabled()).toBe(true);
    await page
      .getByTestId('builder-body')
      .fill('Hello {{1}}, visit our store this week for the new spring collection.');
    await expect
      .poll(() => page.getByTestId('builder-checks').getAttribute('data-ready'), { timeout: 10_000 })
      .toBe('true');
    await shot(page, '34-template-edit-resubmit');
    await page.getByTestId('builder-submit').click();
    await page.waitForURL(/\/templates\/[0-9a-f-]{36}$/);
    await expect
      .poll(() => page.getByTestId('template-status').getAttribute('data-status'), {
        timeout: 45_000,
        interval: 500,
      })
      .toBe('APPROVED');
    await page.getByTestId('template-history-meta-APPROVED').waitFor();
    expect(await page.getByTestId('template-history-meta-REJECTED').count()).toBe(1);
    await shot(page, '35-template-resubmitted-approved');
    expect(refreshCalls).toEqual([]);
    expect(pages.errors).toEqual([]);
  });

  it('draws a media header and every button type, saves a draft and deletes it', async () => {
    await page.getByTestId('nav-templates').click();
    await page.getByTestId('new-template').click();
    await page.getByTestId('builder-name').fill(`Menu Card ${run}`);
    expect(await page.getByTestId('builder-name').inputValue()).toBe(`menu_card_${run}`);
    await page.getByTestId('builder-category').selectOption('MARKETING');
    await page.getByTestId('builder-header').getByRole('button', { name: 'Image' }).click();
    await page.getByTestId('builder-header-media').fill('https://example.com/spring-menu.jpg');
    await page
      .getByTestId('builder-body')
      .fill('Our *{{1}}* menu is here, with five new dishes to try this week.');
    await page.getByTestId('builder-example-1').fill('spring');
    for (const type of ['URL', 'PHONE_NUMBER', 'COPY_CODE', 'QUICK_REPLY']) {
      await page.getByTestId('builder-add-button').click();
      await page.getByTestId(`builder-add-${type}`).click();
    }
    // Quick replies go first (Meta wants them together); then the others in the order added.
    const buttons = page.getByTestId('builder-buttons');
    await buttons.getByTestId('builder-button-text-0').fill('Not now');
    await buttons.getByTestId('builder-button-text-1').fill('See the menu');
    await buttons
      .getByTestId('builder-button-1')
      .getByLabel('Web address')
      .fill('https://example.com/menu/{{1}}');
    await buttons.getByTestId('builder-button-1').getByLabel('Sample for {{1}}').fill('spring');
    await buttons.getByTestId('builder-button-text-2').fill('Call us');
    await buttons.getByTestId('builder-button-2').getByLabel('Phone number').fill('+15551234567');
    await buttons.getByTestId('builder-button-3').getByLabel('Sample code').fill('SPRING10');
    await expect
      .poll(() => page.getByTestId('builder-checks').getAttribute('data-ready'), { timeout: 10_000 })
      .toBe('true');
    // WhatsApp shows two buttons and "See all options" when there are more than three.
    await expect
      .poll(() => page.getByTestId('template-preview-bubble-buttons').textContent())
      .toContain('See all options');
    await shot(page, '36-template-builder-media-buttons');

    await page.getByTestId('builder-save').click();
    await page.waitForURL(/\/templates\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('template-status').getAttribute('data-status')).toBe('DRAFT');
    await shot(page, '37-template-draft');

    await page.getByTestId('template-delete').click();
    await page.getByTestId('confirm-delete-template').click();
    await page.waitForURL(/\/templates$/);
    await page.getByTestId('templates-table').waitFor();
    expect(await page.getByTestId(`template-row-menu_card_${run}`).count()).toBe(0);
    expect(pages.errors).toEqual([]);
  });
});
