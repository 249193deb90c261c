/**
 * Starts a built app of this repo as a child process on a free port, for tests that need a
 * real server beside them (the Meta sandbox, the api, ingest). Tests never import another
 * app's code: they talk to it over HTTP like production does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { findRepoRoot } from '@dbulk/config';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface RunningApp {
  url: string;
  port: number;
  process: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

export async function startBuiltApp(app: string, env: Record<string, string>, options: { healthPath?: string; timeoutMs?: number } = {}): Promise<RunningApp> {
  const root = findRepoRoot();
  const main = path.join(root, 'apps', app, 'dist', 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: build it first (npx nx run ${app}:build)`);
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
  child.stderr!.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${app} exited with ${child.exitCode}:\n${output}`);
    const ok = await fetch(`${url}${options.healthPath ?? '/healthz'}`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${app} did not become healthy in time:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    port,
    process: child,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** The Meta sandbox with its control API, signing webhooks with `appSecret`. */
export function startSandbox(env: Record<string, string> = {}) {
  return startBuiltApp('meta-sandbox', { META_APP_SECRET: 'test-app-secret', SANDBOX_CONTROL: 'true', SANDBOX_APPROVAL_DELAY_MS: '300', ...env });
}
