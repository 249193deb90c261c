/**
 * The admin console end to end in Chromium against the real api: a platform admin finds a
 * tenant, engages and releases the global kill switch; a tenant user is turned away.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BrowserPages, screenshotter } from '@dbulk/testing/e2e';
import { ApiSession } from './support/api';

const webUrl = inject('webUrl');
const admin = inject('admin');
const shot = screenshotter('admin-web');
const run = randomUUID().slice(0, 8);
const tenantUser = { name: 'Tara Tenant', email: `tenant-${run}@example.test`, password: 'tenant-password-123' };
const tenantName = `Gamma Goods ${run}`;

const pages = new BrowserPages(webUrl);

async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto('/sign-in');
  await page.getByTestId('sign-in-email').fill(who.email);
  await page.getByTestId('sign-in-password').fill(who.password);
  await page.getByTestId('sign-in-submit').click();
}

const killSwitchState = (page: Page) => page.getByTestId('kill-switch').getAttribute('data-engaged');

async function flipKillSwitch(page: Page, action: 'engage' | 'release', reason: string) {
  await page.getByTestId(`kill-switch-${action}`).click();
  await page.getByTestId('reason-input').fill(reason);
  if (action === 'engage') {
    // The confirm button stays disabled until the consequence is acknowledged.
    expect(await page.getByTestId('reason-confirm').isDisabled()).toBe(true);
    await page.getByTestId('reason-acknowledge').check();
  }
  await page.getByTestId('reason-confirm').click();
  await expect.poll(() => killSwitchState(page)).toBe(action === 'engage' ? 'true' : 'false');
}

beforeAll(async () => {
  await pages.launch();
  // A tenant and its (non-admin) owner, made through the tenant api as a real sign-up.
  await new ApiSession(webUrl).mutate('tenant/auth.signUp', { ...tenantUser, tenantName });
});

afterAll(async () => {
  // The kill switch is global: never leave it engaged for other suites, even when a step failed.
  const api = new ApiSession(webUrl);
  await api.mutate('admin/auth.signIn', admin).catch(() => {});
  await api.mutate('admin/system.setKillSwitch', { engaged: false, reason: 'admin-web e2e cleanup' }).catch(() => {});
  await pages.close();
});

describe('admin-web', () => {
  it('lets a platform admin find a tenant and engage then release the kill switch', async () => {
    const page = await pages.newPage('admin');
    await page.goto('/tenants');
    await page.waitForURL(/\/sign-in\?redirect=%2Ftenants$/);
    await shot(page, '01-sign-in');
    await page.getByTestId('sign-in-email').fill(admin.email);
    await page.getByTestId('sign-in-password').fill(admin.password);
    await page.getByTestId('sign-in-submit').click();
    await page.waitForURL(`${webUrl}/tenants`);
    await page.getByTestId('tenants-table').waitFor();

    await page.getByTestId('tenant-search').fill(tenantName);
    await page.waitForURL(/\?q=/);
    await page.getByTestId(`tenant-row-${tenantName}`).waitFor();
    await shot(page, '02-tenants-search');
    await page.getByTestId(`tenant-row-${tenantName}`).getByRole('link', { name: tenantName }).click();
    await expect.poll(() => page.getByTestId('tenant-name').textContent()).toBe(tenantName);
    await expect.poll(() => page.getByTestId('tenant-members').textContent()).toContain(tenantUser.email);
    await shot(page, '03-tenant-detail');

    await page.getByTestId('nav-sending').click();
    await page.getByTestId('kill-switch').waitFor();
    if ((await killSwitchState(page)) === 'true') await flipKillSwitch(page, 'release', 'start from a released switch');
    await shot(page, '04-kill-switch-released');

    await flipKillSwitch(page, 'engage', `e2e ${run}: incident drill`);
    await expect.poll(() => page.getByTestId('sending-status').textContent()).toContain('Kill switch engaged');
    await expect.poll(() => page.getByTestId('kill-switch-reason').textContent()).toBe(`e2e ${run}: incident drill`);
    await shot(page, '05-kill-switch-engaged');

    await flipKillSwitch(page, 'release', `e2e ${run}: drill over`);
    await expect.poll(() => page.getByTestId('sending-status').textContent()).toContain('Sending on');

    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-action-filter').fill('system.kill_switch');
    await page.waitForURL(/action=system\.kill_switch/);
    await expect.poll(() => page.getByTestId('audit-table').textContent()).toContain(`e2e ${run}: drill over`);
    const actions = () =>
      page.locator('[data-testid="audit-table"] tbody tr td code').evaluateAll((cells) => cells.map((c) => c.textContent ?? ''));
    await expect.poll(async () => (await actions()).every((action) => action.startsWith('system.kill_switch'))).toBe(true);
    await shot(page, '06-audit-log');

    await page.getByTestId('nav-system').click();
    await expect.poll(() => page.getByTestId('health-database').textContent()).toBe('Up');
    await shot(page, '07-system');

    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').click();
    await page.waitForURL(/\/sign-in$/);
    expect(pages.errors).toEqual([]);
  });

  it('shows "platform admins only" to a tenant user', async () => {
    const page = await pages.newPage('tenant-user');
    await signIn(page, tenantUser);
    await page.getByTestId('not-admin').waitFor();
    expect(await page.getByTestId('not-admin').textContent()).toContain('Platform admins only');
    await shot(page, '08-not-admin');
    await page.getByTestId('not-admin-sign-out').click();
    await page.waitForURL(/\/sign-in$/);
    expect(pages.errors).toEqual([]);
  });
});
