/** Debian's Chromium driven by playwright-core, with screenshots under test-output/e2e/<app>/. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO_ROOT } from './processes';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export function screenshotter(appName: string) {
  const dir = path.join(REPO_ROOT, 'test-output', 'e2e', appName);
  mkdirSync(dir, { recursive: true });
  return async (page: Page, name: string) => {
    // Full-page shots of a scrolled page paint sticky bars (top bar, sidebar) mid-page.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
  };
}

/** Pages log uncaught errors into the test output, so a broken render is visible in CI logs. */
export function watchErrors(page: Page, label: string): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`${label}: ${error.message}`));
  return errors;
}
