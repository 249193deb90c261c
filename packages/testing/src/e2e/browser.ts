/** Debian's Chromium driven by playwright-core, with screenshots under test-output/e2e/<app>/. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
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
    // A string, not a function: this package is compiled without the DOM lib.
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
  };
}

/**
 * Collects a page's uncaught errors into `errors` as they happen (the array fills later, so
 * pass the one you assert on rather than copying it), so a broken render fails the test.
 */
export function watchErrors(page: Page, label: string, errors: string[] = []): string[] {
  page.on('pageerror', (error) => errors.push(`${label}: ${error.message}`));
  return errors;
}

/**
 * One browser for a test file, and a fresh context (own cookies) per page, so two users can be
 * signed in side by side. `errors` collects every page's uncaught errors for a final assertion.
 */
export class BrowserPages {
  readonly errors: string[] = [];
  private browser: Browser | undefined;
  private readonly contexts: BrowserContext[] = [];

  constructor(
    private readonly baseURL: string,
    private readonly viewport = { width: 1280, height: 860 },
  ) {}

  async launch(): Promise<void> {
    this.browser = await launchBrowser();
  }

  async newPage(label: string): Promise<Page> {
    if (!this.browser) throw new Error('BrowserPages.launch() has not run (call it in beforeAll)');
    const context = await this.browser.newContext({ baseURL: this.baseURL, viewport: this.viewport });
    this.contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    watchErrors(page, label, this.errors);
    return page;
  }

  /** Safe after a failed launch or step: closes what exists. */
  async close(): Promise<void> {
    for (const context of this.contexts) await context.close().catch(() => {});
    await this.browser?.close();
  }
}
