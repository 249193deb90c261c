/**
 * The Opt-outs settings page in Chromium against the real api: the defaults shown to a new
 * tenant, an owner's own keywords saved (cleaned) and kept across a reload, defaults restored.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BrowserPages, screenshotter } from '@dbulk/testing/e2e';

const webUrl = inject('webUrl');
const shot = screenshotter('tenant-web');
const run = randomUUID().slice(0, 8);
const pages = new BrowserPages(webUrl);

beforeAll(() => pages.launch());
afterAll(() => pages.close());

describe('opt-out keywords settings', () => {
  it('shows the defaults, saves the owner\'s own keywords and restores the defaults', async () => {
    const page = await pages.newPage('opt-outs');
    await page.goto('/sign-up');
    await page.getByTestId('sign-up-name').fill('Opal Owner');
    await page.getByTestId('sign-up-email').fill(`opt-outs-${run}@example.test`);
    await page.getByTestId('sign-up-password').fill('owner-password-123');
    await page.getByTestId('sign-up-tenant-name').fill(`Opt Co ${run}`);
    await page.getByTestId('sign-up-submit').click();
    await page.getByTestId('nav-opt-outs').click();
    await page.waitForURL(/\/settings\/opt-outs$/);

    const field = page.getByTestId('opt-out-keywords');
    await expect.poll(() => page.getByTestId('opt-out-keywords-mode').textContent(), { timeout: 15_000 }).toBe('Defaults');
    expect(await field.inputValue()).toContain('STOP');
    expect(await field.inputValue()).toContain('退订');
    await shot(page, 'opt-outs-01-defaults');

    await field.fill('Basta\nbasta\n  Ya no  \nArrêt');
    await page.getByTestId('opt-out-keywords-save').click();
    await expect.poll(() => page.getByTestId('opt-out-keywords-saved').isVisible()).toBe(true);
    await page.reload();
    await expect.poll(() => page.getByTestId('opt-out-keywords-mode').textContent(), { timeout: 15_000 }).toBe('Your own list');
    expect(await page.getByTestId('opt-out-keywords').inputValue()).toBe('Basta\nYa no\nArrêt');
    await shot(page, 'opt-outs-02-own-list');

    await page.getByTestId('opt-out-keywords-reset').click();
    await expect.poll(() => page.getByTestId('opt-out-keywords-mode').textContent()).toBe('Defaults');
    expect(await page.getByTestId('opt-out-keywords').inputValue()).toContain('UNSUBSCRIBE');
  });
});
