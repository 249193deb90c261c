/**
 * The Send rates page in Chromium against the real api: the live throughput chart renders, and a
 * platform admin sets a number's ceiling through the confirmation dialog, then lifts it.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BrowserPages, screenshotter } from '@dbulk/testing/e2e';

const webUrl = inject('webUrl');
const admin = inject('admin');
const shot = screenshotter('admin-web');
const pages = new BrowserPages(webUrl, { width: 1280, height: 900 });

beforeAll(() => pages.launch());
afterAll(() => pages.close());

describe('admin-web send rates', () => {
  it('shows the live throughput chart and sets then lifts a number’s ceiling', async () => {
    const page = await pages.newPage('send-rates');
    await page.goto('/sign-in');
    await page.getByTestId('sign-in-email').fill(admin.email);
    await page.getByTestId('sign-in-password').fill(admin.password);
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('nav-send-rates').click();
    await page.getByTestId('throughput-chart').waitFor();
    expect(await page.getByTestId('throughput-summary').textContent()).toMatch(/msg\/s now/);

    // Numbers connected by other suites share the test database: take the first one listed.
    const row = page.locator('[data-testid^="number-rate-"]').first();
    await row.waitFor();
    const phoneNumberId = (await row.getAttribute('data-testid'))!.replace('number-rate-', '');
    await page.getByTestId(`edit-ceiling-${phoneNumberId}`).click();
    await page.getByTestId('ceiling-dialog').waitFor();
    expect(await page.getByTestId('ceiling-confirm').isDisabled()).toBe(true);
    await page.getByTestId('ceiling-input').fill('5000');
    expect(await page.getByTestId('ceiling-confirm').isDisabled()).toBe(true);
    await page.getByTestId('ceiling-input').fill('12');
    await shot(page, '10-ceiling-dialog');
    await page.getByTestId('ceiling-confirm').click();
    await expect.poll(() => row.textContent()).toContain('12 msg/s');
    await expect.poll(() => page.getByTestId(`rate-${phoneNumberId}`).textContent()).toMatch(/^12\.0 msg\/s|^\d+(\.\d)? msg\/s/);
    await shot(page, '11-ceiling-set');

    await page.getByTestId(`edit-ceiling-${phoneNumberId}`).click();
    await page.getByTestId('ceiling-lift').click();
    await expect.poll(() => row.textContent()).toContain('none');
    expect(pages.errors).toEqual([]);
  });
});
