/**
 * Boots what a browser test needs: Chromium (scripts/lib/ensure-chromium.sh), the built api on a
 * free port against the test database, and `vite preview` of the app proxying /trpc to it.
 * With `whatsapp`, also the webhook path (see ./webhook-path).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '../processes';
import { readDataEnv, REPO_ROOT, run, startProcess, stopProcess, waitForHttp, type Started } from './processes';
import { apiEnvForWebhookPath, startWebhookPath, type WebhookPath } from './webhook-path';

export interface WebStack {
  webUrl: string;
  apiUrl: string;
  webhookPath: WebhookPath | null;
  /** Environment the api runs with (for CLI commands against the same database). */
  apiEnv: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

export interface WebStackOptions {
  /** The web app's folder (holds its vite config and dist/). */
  appDir: string;
  /** Names the log and screenshot folder under test-output/e2e/. */
  appName: string;
  /** The app's tRPC path (`/trpc/tenant`): probed through the proxy before any browser starts. */
  trpcPath: string;
  whatsapp?: boolean;
}

export async function startWebStack(options: WebStackOptions): Promise<WebStack> {
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
      Object.assign(apiEnv, apiEnvForWebhookPath(webhookPath));
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
    await waitForHttp(`${webUrl}${options.trpcPath}/auth.me`, web);
    return { webUrl, apiUrl, apiEnv, webhookPath, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
