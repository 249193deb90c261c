/**
 * The tenant app end to end in Chromium against the real api: sign-up, sign-in, tenants,
 * invitations, roles, sign-out, and an expired session on a deep page.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BrowserPages, screenshotter } from '@dbulk/testing/e2e';

const webUrl = inject('webUrl');
const shot = screenshotter('tenant-web');
const run = randomUUID().slice(0, 8);
const owner = { name: 'Olivia Owner', email: `owner-${run}@example.test`, password: 'owner-password-123' };
const invitee = { name: 'Ivan Invitee', email: `invitee-${run}@example.test`, password: 'invitee-password-123' };
const tenantA = `Acme Retail ${run}`;
const tenantB = `Beta Foods ${run}`;

const pages = new BrowserPages(webUrl);

async function expectCurrentTenant(page: Page, name: string) {
  await expect.poll(() => page.getByTestId('current-tenant-name').textContent(), { timeout: 15_000 }).toBe(name);
}

async function signIn(page: Page, who: { email: string; password: string }) {
  await page.getByTestId('sign-in-email').fill(who.email);
  await page.getByTestId('sign-in-password').fill(who.password);
  await page.getByTestId('sign-in-submit').click();
}

async function switchTenant(page: Page, name: string) {
  await page.getByTestId('tenant-switcher').click();
  await page.locator(`[data-testid="tenant-option"][data-tenant-name="${name}"]`).click();
  await expectCurrentTenant(page, name);
}

async function signOut(page: Page) {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await page.waitForURL(/\/sign-in$/);
}

beforeAll(() => pages.launch());
afterAll(() => pages.close());

describe('tenant-web', () => {
  it('takes an owner from sign-up through tenants, invitations and roles to sign-out', async () => {
    const page = await pages.newPage('owner');

    // Sign up: creates tenant A and lands on its dashboard.
    await page.goto('/sign-up');
    await shot(page, '01-sign-up');
    await page.getByTestId('sign-up-name').fill(owner.name);
    await page.getByTestId('sign-up-email').fill(owner.email);
    await page.getByTestId('sign-up-password').fill(owner.password);
    await page.getByTestId('sign-up-tenant-name').fill(tenantA);
    await page.getByTestId('sign-up-submit').click();
    await expectCurrentTenant(page, tenantA);
    await expect.poll(() => page.getByTestId('dashboard-role').textContent()).toBe('Owner');
    await shot(page, '02-dashboard-after-sign-up');

    // Sign out, then sign in again.
    await signOut(page);
    await shot(page, '03-sign-in');
    await signIn(page, owner);
    await page.waitForURL(`${webUrl}/`);
    await expectCurrentTenant(page, tenantA);

    // A second tenant becomes current when created; the switcher moves between them.
    await page.getByTestId('tenant-switcher').click();
    await page.getByTestId('create-tenant').click();
    await page.getByTestId('create-tenant-name').fill(tenantB);
    await shot(page, '04-create-tenant');
    await page.getByTestId('create-tenant-submit').click();
    await expectCurrentTenant(page, tenantB);
    await expect.poll(() => page.getByTestId('dashboard-tenant-name').textContent()).toBe(tenantB);
    await switchTenant(page, tenantA);
    await expect.poll(() => page.getByTestId('dashboard-tenant-name').textContent()).toBe(tenantA);
    await switchTenant(page, tenantB);
    await switchTenant(page, tenantA);
    await page.getByTestId('tenant-switcher').click();
    await shot(page, '05-tenant-switcher');
    await page.keyboard.press('Escape');

    // Invite a member into tenant A and read the link the page shows.
    await page.getByTestId('nav-members').click();
    await page.waitForURL(/\/members$/);
    await page.getByTestId('invite-email').fill(invitee.email);
    await page.getByTestId('invite-role').selectOption('member');
    await page.getByTestId('invite-submit').click();
    const link = await page.getByTestId('invite-link').inputValue();
    expect(link).toMatch(new RegExp(`^${webUrl}/invitations/[A-Za-z0-9_-]+$`));
    await page.getByTestId(`invitation-row-${invitee.email}`).waitFor();
    await shot(page, '06-invitation-created');

    // The owner watches the dashboard's live feed while the invitee joins.
    await page.getByTestId('nav-dashboard').click();
    await expect.poll(() => page.getByTestId('activity-status').textContent(), { timeout: 15_000 }).toBe('Live');

    // A fresh browser context: the invitee opens the link and signs up through it.
    const guest = await pages.newPage('invitee');
    await guest.goto(link);
    await expect.poll(() => guest.getByTestId('invitation-tenant').textContent()).toBe(tenantA);
    await shot(guest, '07-invitation-page');
    await guest.getByTestId('invitation-sign-up').click();
    await guest.waitForURL(/\/sign-up\?invitation=/);
    expect(await guest.getByTestId('sign-up-email').inputValue()).toBe(invitee.email);
    await guest.getByTestId('sign-up-name').fill(invitee.name);
    await guest.getByTestId('sign-up-password').fill(invitee.password);
    await guest.getByTestId('sign-up-submit').click();
    await expectCurrentTenant(guest, tenantA);
    await expect.poll(() => guest.getByTestId('dashboard-role').textContent()).toBe('Member');
    await shot(guest, '08-invitee-dashboard');

    // The join shows up live in the owner's feed (SSE through the preview proxy).
    await expect
      .poll(() => page.getByTestId('activity-feed').textContent(), { timeout: 15_000 })
      .toContain(invitee.email);
    await shot(page, '09-owner-live-activity');

    // Back as the owner: the members page lists the invitee with their role; change it.
    await page.getByTestId('nav-members').click();
    const roleSelect = page.getByTestId(`member-role-${invitee.email}`);
    await expect.poll(() => roleSelect.inputValue()).toBe('member');
    await expect.poll(() => page.getByTestId(`invitation-row-${invitee.email}`).count()).toBe(0);
    // Reload only once the server has answered: a reload that overtakes the mutation cancels it.
    await Promise.all([
      page.waitForResponse((res) => res.url().includes('members.changeRole') && res.ok()),
      roleSelect.selectOption('viewer'),
    ]);
    await page.reload();
    await expect.poll(() => page.getByTestId(`member-role-${invitee.email}`).inputValue()).toBe('viewer');
    await shot(page, '10-members-role-changed');

    // The invitee's own view follows the new role after a reload.
    await guest.reload();
    await expect.poll(() => guest.getByTestId('dashboard-role').textContent()).toBe('Viewer');

    await signOut(page);
    expect(pages.errors).toEqual([]);
  });

  it('sends an expired session on a deep page to sign-in and back to that page', async () => {
    const page = await pages.newPage('expired-session');
    await page.goto('/sign-in');
    await signIn(page, owner);
    await expectCurrentTenant(page, tenantA);
    await page.goto('/members');
    await page.getByTestId('members-table').waitFor();

    await page.context().clearCookies();
    await page.reload();
    await page.waitForURL(/\/sign-in\?redirect=%2Fmembers$/);
    await shot(page, '11-session-expired-sign-in');

    await page.getByTestId('sign-in-email').fill(owner.email);
    await page.getByTestId('sign-in-password').fill('not-the-password');
    await page.getByTestId('sign-in-submit').click();
    await expect.poll(() => page.getByTestId('error-banner').getAttribute('data-app-code')).toBe('INVALID_CREDENTIALS');

    await signIn(page, owner);
    await page.waitForURL(`${webUrl}/members`);
    await page.getByTestId('members-table').waitFor();
    await shot(page, '12-back-on-members');
    expect(pages.errors).toEqual([]);
  });
});
