// @dbulk/testing/e2e: what the web apps' browser tests (apps/*-web/e2e) share. Node-side only.
export { BrowserPages, CHROMIUM_ARGS, launchBrowser, screenshotter, watchErrors } from './browser';
export { readDataEnv, REPO_ROOT, run, startProcess, stopProcess, waitForHttp, type Started } from './processes';
export { startWebStack, type WebStack, type WebStackOptions } from './stack';
export { type WebhookPath } from './webhook-path';
