/**
 * The webhook path as built processes on free ports: the Meta sandbox (the api's Graph API,
 * signing its webhooks with the app secret) → ingest → Kafka → processor → the test database.
 * Parts not built yet are reported in `missing` instead of failing the whole run, so the other
 * journeys still test.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '../processes';
import { REPO_ROOT, startProcess, stopProcess, waitForHttp, type Started } from './processes';

export interface WebhookPath {
  sandboxUrl: string;
  ingestUrl: string | null;
  /** What could not start (`apps/processor/dist/main.js is missing…`); empty when the path is whole. */
  missing: string[];
}

/** One Meta app: the sandbox signs with this secret and ingest verifies with it (test values only). */
export const META_APP_SECRET = 'e2e-meta-app-secret';
export const META_APP_ID = '100000000000000';
export const META_WEBHOOK_VERIFY_TOKEN = 'e2e-verify-token';
/** Long enough to see PENDING on the page, short enough for a test. */
const SANDBOX_APPROVAL_DELAY_MS = '4000';

function builtMain(app: string): { main: string; missing?: string } {
  const main = path.join(REPO_ROOT, 'apps', app, 'dist/main.js');
  return existsSync(main) ? { main } : { main, missing: `apps/${app}/dist/main.js is missing (npx nx run ${app}:build)` };
}

/**
 * ingest and the processor first (so the sandbox's first webhook finds them), then the sandbox
 * pointed at ingest. Kafka topics are the stack's own (`scripts/stack up` creates them).
 */
export async function startWebhookPath(options: {
  logDir: string;
  databaseUrl: string;
  kafkaBrokers: string;
  baseEnv: NodeJS.ProcessEnv;
}): Promise<{ procs: Started[]; webhookPath: WebhookPath }> {
  const procs: Started[] = [];
  const missing: string[] = [];
  const common = { ...options.baseEnv, NODE_ENV: 'test', HOST: '127.0.0.1', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', KAFKA_BROKERS: options.kafkaBrokers };
  const start = (name: string, main: string, env: NodeJS.ProcessEnv) => {
    const proc = startProcess(name, process.execPath, ['--enable-source-maps', main], { cwd: REPO_ROOT, env, logDir: options.logDir });
    procs.push(proc);
    return proc;
  };
  try {
    let ingestUrl: string | null = null;
    const ingest = builtMain('ingest');
    if (ingest.missing) missing.push(ingest.missing);
    else {
      const port = await freePort();
      ingestUrl = `http://127.0.0.1:${port}`;
      const proc = start('ingest', ingest.main, { ...common, PORT: String(port), META_APP_SECRET, META_WEBHOOK_VERIFY_TOKEN });
      await waitForHttp(`${ingestUrl}/readyz`, proc);
    }

    const processor = builtMain('processor');
    if (processor.missing) missing.push(processor.missing);
    else {
      const port = await freePort();
      const proc = start('processor', processor.main, { ...common, PORT: String(port), DATABASE_URL: options.databaseUrl, META_APP_SECRET });
      await waitForHttp(`http://127.0.0.1:${port}/healthz`, proc);
    }

    const sandbox = builtMain('meta-sandbox');
    if (sandbox.missing) throw new Error(sandbox.missing);
    const port = await freePort();
    const sandboxUrl = `http://127.0.0.1:${port}`;
    const proc = start('meta-sandbox', sandbox.main, {
      ...common,
      PORT: String(port),
      META_APP_SECRET,
      META_APP_ID,
      SANDBOX_CONTROL: 'true',
      SANDBOX_APPROVAL_DELAY_MS,
      ...(ingestUrl ? { SANDBOX_WEBHOOK_URL: `${ingestUrl}/webhooks/whatsapp` } : {}),
    });
    await waitForHttp(`${sandboxUrl}/healthz`, proc);
    return { procs, webhookPath: { sandboxUrl, ingestUrl, missing } };
  } catch (err) {
    for (const proc of procs) await stopProcess(proc);
    throw err;
  }
}

/** What the api needs to talk to the sandbox as its Graph API and to verify the same Meta app. */
export function apiEnvForWebhookPath(webhookPath: WebhookPath): NodeJS.ProcessEnv {
  return {
    META_GRAPH_URL: webhookPath.sandboxUrl,
    META_SANDBOX_URL: webhookPath.sandboxUrl,
    META_APP_ID,
    META_APP_SECRET,
    META_WEBHOOK_VERIFY_TOKEN,
  };
}
