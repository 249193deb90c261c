/**
 * Contacts in Chromium against the real api: import a small CSV (semicolon, BOM, a bad and a
 * repeated row) into a new list through the streamed upload, see the live progress end in the
 * result with the rejected row's line, then find, edit and opt out the contacts.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BrowserPages, screenshotter } from '@dbulk/testing/e2e';

const webUrl = inject('webUrl');
const shot = screenshotter('tenant-web');
const run = randomUUID().slice(0, 8);
const owner = {
  name: 'Carla Contacts',
  email: `contacts-${run}@example.test`,
  password: 'contacts-password-123',
};
const pages = new BrowserPages(webUrl, { width: 1280, height: 900 });
let page: Page;

const CSV = [
  '\uFEFFPhone;Name;Tags;City',
  '+1 201 555 0101;Ana Lima;vip|spring;Newark',
  '(201) 555-0102;"Bo; Jr.";spring;Jersey City',
  'not a number;Cy;;',
  '+12015550101;;late;',
].join('\r\n');

beforeAll(async () => {
  await pages.launch();
  page = await pages.newPage('contacts-owner');
});
afterAll(() => pages.close());

describe('contacts', () => {
  it('imports a CSV into a list with live progress and shows the rejected row', async () => {
    await page.goto('/sign-up');
    await page.getByTestId('sign-up-name').fill(owner.name);
    await page.getByTestId('sign-up-email').fill(owner.email);
    await page.getByTestId('sign-up-password').fill(owner.password);
    await page.getByTestId('sign-up-tenant-name').fill(`Contacts Co ${run}`);
    await page.getByTestId('sign-up-submit').click();
    await page.getByTestId('current-tenant-name').waitFor();

    await page.getByTestId('nav-lists').click();
    await page.getByTestId('list-name').fill('Spring');
    await page.getByTestId('list-create').click();
    await page.getByTestId('list-row-Spring').waitFor();

    await page.getByTestId('nav-import').click();
    await page
      .getByTestId('import-file')
      .setInputFiles({ name: 'spring.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await page.getByTestId('import-preview').waitFor();
    expect(await page.getByTestId('map-phone').inputValue()).toBe('Phone');
    expect(await page.getByTestId('import-preview').textContent()).toContain('Bo; Jr.');
    const listValue = await page
      .getByTestId('map-list')
      .locator('option', { hasText: 'Spring' })
      .getAttribute('value');
    await page.getByTestId('map-list').selectOption(listValue!);
    await shot(page, '60-contacts-import-preview');
    await page.getByTestId('import-start').click();

    await page.getByTestId('import-result').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-created').textContent()).toContain('2');
    expect(await page.getByTestId('import-duplicates').textContent()).toContain('1');
    expect(await page.getByTestId('import-rejected').textContent()).toContain('1');
    expect(await page.getByTestId('import-error-4').textContent()).toContain('not a number');
    await shot(page, '61-contacts-import-result');
    await expect.poll(() => page.getByTestId('recent-imports').textContent()).toContain('spring.csv');

    await page.getByTestId('nav-lists').click();
    await expect.poll(() => page.getByTestId('list-members-Spring').textContent()).toBe('2');
  });

  it('finds, edits and opts out a contact', async () => {
    await page.getByTestId('nav-contacts').click();
    await page.getByTestId('contact-row-+12015550101').waitFor();
    expect(await page.getByTestId('contact-row-+12015550101').textContent()).toContain('late');
    await page.getByTestId('contacts-search').fill('Bo;');
    await expect.poll(() => page.getByTestId('contacts-table').locator('tbody tr').count()).toBe(1);
    await page.getByTestId('contacts-search').fill('');

    await page.getByTestId('contact-edit-+12015550102').click();
    await page.getByTestId('contact-name').fill('Bo Junior');
    await page.getByTestId('contact-submit').click();
    await expect
      .poll(() => page.getByTestId('contact-row-+12015550102').textContent())
      .toContain('Bo Junior');

    await page.getByTestId('contact-opt-+12015550102').click();
    await expect.poll(() => page.getByTestId('contact-state-+12015550102').textContent()).toBe('Opted out');
    await shot(page, '62-contacts-table');
    expect(pages.errors).toEqual([]);
  });
});
