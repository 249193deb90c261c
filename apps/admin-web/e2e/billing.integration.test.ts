/**
 * Admin billing in Chromium against the real api: a rate card upload lists its row errors by
 * line and field, a corrected card shows its difference from the card in force and applies from
 * its date; a tenant's balance is credited and its credit limit set through the confirmation
 * dialogs (reason required), and the revenue table shows both.
 */
import { randomInt, randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BrowserPages, screenshotter } from '@dbulk/testing/e2e';
import { ApiSession } from './support/api';

const webUrl = inject('webUrl');
const admin = inject('admin');
const shot = screenshotter('admin-web');
const run = randomUUID().slice(0, 8);
const tenantName = `Billing Bees ${run}`;
const pages = new BrowserPages(webUrl, { width: 1280, height: 1000 });
// Rates are unique per market, category, model and day: a far-off day no other run uses.
const day = `2${randomInt(100, 999)}-0${randomInt(1, 10)}-1${randomInt(0, 10)}`;
// Earlier runs may have changed India's rate on an earlier far-off day: this run's rate is its own.
const rate = `0.0${randomInt(1_000, 10_000)}${randomInt(1, 10)}`;

async function signIn(page: Page) {
  await page.goto('/sign-in');
  await page.getByTestId('sign-in-email').fill(admin.email);
  await page.getByTestId('sign-in-password').fill(admin.password);
  await page.getByTestId('sign-in-submit').click();
}

beforeAll(async () => {
  await pages.launch();
  await new ApiSession(webUrl).mutate('tenant/auth.signUp', {
    name: 'Bea Biller',
    email: `billing-${run}@example.test`,
    password: 'tenant-password-123',
    tenantName,
  });
});
afterAll(() => pages.close());

describe('admin-web billing', () => {
  it('lists a rate card’s row errors, shows a corrected card’s difference and applies it from its date', async () => {
    const page = await pages.newPage('rate-card');
    await signIn(page);
    await page.getByTestId('nav-rate-card').click();
    await page.getByTestId('rate-card-table').waitFor();
    expect(
      Number(await page.getByTestId('rate-card-markets').locator('.ui-stat__value').textContent()),
    ).toBeGreaterThan(10);
    expect(await page.getByTestId('rate-card-table').textContent()).toContain('India');

    await page.getByTestId('rate-card-effective').fill(day);
    await page
      .getByTestId('rate-card-csv')
      .fill(`market,country_codes,category,rate\nIndia,91,marketing,0.0999\nIndia,91,weekly,0.01\n`);
    await page.getByTestId('rate-card-validate').click();
    await page.getByTestId('rate-card-errors').waitFor();
    expect(await page.getByTestId('rate-card-error-3-category').textContent()).toContain('weekly');
    expect(await page.getByTestId('rate-card-diff').count()).toBe(0);
    await shot(page, 'billing-01-rate-card-errors');

    await page
      .getByTestId('rate-card-csv')
      .fill(`market,country_codes,category,rate\nIndia,91,marketing,${rate}\nIndia,91,utility,0.0014\n`);
    await page.getByTestId('rate-card-validate').click();
    await page.getByTestId('rate-card-diff').waitFor();
    expect(await page.getByTestId('rate-card-errors').count()).toBe(0);
    const changed = await page.getByTestId('diff-changed-india-marketing').textContent();
    expect(changed).toContain(`$${rate}`);
    expect(changed!.split(`$${rate}`)).toHaveLength(2); // the old rate differs
    expect(await page.getByTestId('rate-card-diff').textContent()).toMatch(
      /1 changed · 0 added · 1 unchanged/,
    );
    await shot(page, 'billing-02-rate-card-diff');

    await page.getByTestId('rate-card-apply').click();
    await page.getByTestId('rate-card-apply-confirm').click();
    await page.getByTestId('rate-card-applied').waitFor();
    await page.getByTestId('rate-card-date').fill(day);
    await page.getByTestId('rate-card-filter').fill('India');
    await expect.poll(() => page.getByTestId('rate-card-table').textContent()).toContain(`$${rate}`);
    expect(pages.errors).toEqual([]);
  });

  it('credits a tenant and sets its credit limit through confirmation dialogs with a reason', async () => {
    const page = await pages.newPage('billing');
    await signIn(page);
    await page.getByTestId('nav-billing').click();
    await page.getByTestId('margin-chart').waitFor();
    await page.getByTestId('tenant-search').fill(tenantName);
    const row = page.locator('[data-testid^="margin-row-"]', { hasText: tenantName });
    await row.waitFor();
    const tenantId = (await row.getAttribute('data-testid'))!.replace('margin-row-', '');
    expect(await page.getByTestId(`limit-${tenantId}`).textContent()).toBe('No limit');

    await page.getByTestId(`adjust-${tenantId}`).click();
    await page.getByTestId('credit-dialog').waitFor();
    await page.getByTestId('credit-amount').fill('40');
    expect(await page.getByTestId('credit-confirm').isDisabled()).toBe(true);
    await page.getByTestId('reason-input').fill('Prepaid by bank transfer');
    expect(await page.getByTestId('adjust-preview').textContent()).toContain('$40.00');
    await shot(page, 'billing-03-adjust');
    await page.getByTestId('credit-confirm').click();
    await expect.poll(() => page.getByTestId(`balance-${tenantId}`).textContent()).toBe('$40.00');

    await page.getByTestId(`set-limit-${tenantId}`).click();
    await page.getByTestId('credit-amount').fill('250');
    await page.getByTestId('reason-input').fill('Approved by finance');
    await page.getByTestId('credit-confirm').click();
    await expect.poll(() => page.getByTestId(`limit-${tenantId}`).textContent()).toBe('$250.00');
    await shot(page, 'billing-04-credit');

    // Starting over credit lists the tenant's drafts (none yet) and needs one and a reason.
    await page.getByTestId(`over-credit-${tenantId}`).click();
    await page.getByTestId('over-credit-empty').waitFor();
    expect(await page.getByTestId('over-credit-dialog').textContent()).toContain('$290.00');
    await page.getByTestId('over-credit-reason').fill('Paying by invoice');
    expect(await page.getByTestId('over-credit-confirm').isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Cancel' }).click();

    expect(pages.errors).toEqual([]);
  });
});
