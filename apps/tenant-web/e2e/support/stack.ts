/**
 * Boots what a browser test needs: Chromium (scripts/lib/ensure-chromium.sh), the built api on a
 * free port against the test database, and `vite preview` of this app proxying /trpc to it.
 * With `whatsapp`, also the webhook path as built processes on free ports: the Meta sandbox
 * (the api's Graph API, signing its webhooks with the app secret) → ingest → Kafka → processor
 * → the test database. Parts not built yet are reported in `webhookPath.missing` instead of
 * failing the whole run, so the other journeys still test.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { freePort, readDataEnv, REPO_ROOT, run, startProcess, stopProcess, waitForHttp, type Started } from './processes';

export interface WebhookPath {
  sandboxUrl: string;
  ingestUrl: string | null;
  /** What could not start (`apps/processor/dist/main.js is missing…`); empty when the path is whole. */
  missing: string[];
}

export interface WebStack {
  webUrl: string;
  apiUrl: string;
  webhookPath: WebhookPath | null;
  /** Environment the api runs with (for CLI commands against the same database). */
  apiEnv: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

/** One Meta app: the sandbox signs with this secret and ingest verifies with it (test values only). */
const META_APP_SECRET = 'e2e-meta-app-secret';
const META_APP_ID = '100000000000000';
const META_WEBHOOK_VERIFY_TOKEN = 'e2e-verify-token';
/** Long enough to see PENDING on the page, short enough for a test. */
const SANDBOX_APPROVAL_DELAY_MS = '4000';

function builtMain(app: string): { main: string; missing?: string } {
  const main = path.join(REPO_ROOT, 'apps', app, 'dist/main.js');
  return existsSync(main) ? { main } : { main, missing: `apps/${app}/dist/main.js is missing (npx nx run ${app}:build)` };
}

export async function startWebStack(options: { appDir: string; appName: string; whatsapp?: boolean }): Promise<WebStack> {
  const logDir = path.join(REPO_ROOT, 'test-output', 'e2e', options.appName, 'logs');
  await run('bash', [path.join(REPO_ROOT, 'scripts/lib/ensure-chromium.sh')], { cwd: REPO_ROOT, timeoutMs: 900_000 });

  const apiMain = path.join(REPO_ROOT, 'apps/api/dist/main.js');
  if (!existsSync(apiMain)) throw new Error(`${apiMain} is missing: run \`npx nx run api:build\` first`);
  if (!existsSync(path.join(options.appDir, 'dist/index.html'))) {
    await run(process.execPath, [path.join(REPO_ROOT, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: options.appDir });
  }

  const stackEnv = readDataEnv('stack.env');
  // The api refuses to start without its secrets; tests use the checkout's dev secrets, or a
  // fixed test key (the same one the api's own integration tests use) when there are none.
  const secrets = { ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'), ...readDataEnv('dev-secrets.env') };
  const databaseUrl = process.env.DATABASE_URL_TEST ?? stackEnv.DATABASE_URL_TEST;
  const kafkaBrokers = process.env.KAFKA_BROKERS ?? stackEnv.KAFKA_BROKERS;
  if (!databaseUrl || !kafkaBrokers) {
    throw new Error('The test stack is not up: run `scripts/stack up` (or set DATABASE_URL_TEST and KAFKA_BROKERS).');
  }

  const [apiPort, webPort] = [await freePort(), await freePort()];
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const webUrl = `http://127.0.0.1:${webPort}`;
  const apiEnv: NodeJS.ProcessEnv = {
    ...secrets,
    ...process.env,
    ...stackEnv,
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: kafkaBrokers,
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(apiPort),
    PUBLIC_URL: webUrl,
    ALLOWED_ORIGINS: `${webUrl},http://localhost:${webPort}`,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  };

  let api: Started | undefined;
  let web: Started | undefined;
  const webhookProcs: Started[] = [];
  let webhookPath: WebhookPath | null = null;
  const stop = async () => {
    await Promise.all([stopProcess(web), stopProcess(api)]);
    // Upstream first: the sandbox stops posting before ingest goes, ingest before the processor.
    for (const proc of webhookProcs) await stopProcess(proc);
  };
  try {
    if (options.whatsapp) {
      const started = await startWebhookPath({ logDir, databaseUrl, kafkaBrokers, baseEnv: { ...process.env, ...stackEnv } });
      webhookProcs.push(...started.procs);
      webhookPath = started.webhookPath;
      Object.assign(apiEnv, {
        META_GRAPH_URL: webhookPath.sandboxUrl,
        META_SANDBOX_URL: webhookPath.sandboxUrl,
        META_APP_ID,
        META_APP_SECRET,
        META_WEBHOOK_VERIFY_TOKEN,
      });
    }
    api = startProcess('api', process.execPath, ['--enable-source-maps', apiMain], { cwd: REPO_ROOT, env: apiEnv, logDir });
    await waitForHttp(`${apiUrl}/healthz`, api);
    web = startProcess(
      'preview',
      process.execPath,
      [path.join(REPO_ROOT, 'node_modules/vite/bin/vite.js'), 'preview', '--host', '127.0.0.1', '--port', String(webPort), '--strictPort'],
      { cwd: options.appDir, env: { ...process.env, DBULK_API_URL: apiUrl }, logDir },
    );
    await waitForHttp(webUrl, web);
    // Through the proxy: proves /trpc reaches the api before any browser starts.
    await waitForHttp(`${webUrl}/trpc/tenant/auth.me`, web);
    return { webUrl, apiUrl, apiEnv, webhookPath, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/**
 * ingest and the processor first (so the sandbox's first webhook finds them), then the sandbox
 * pointed at ingest. Kafka topics are the stack's own (`scripts/stack up` creates them).
 */
async function startWebhookPath(options: {
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
