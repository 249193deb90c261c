/**
 * The built apps of the end-to-end benchmark, each its own process on this run's topic prefix
 * (NODE_ENV=production, default settings except where noted): ingest; the Meta sandbox posting
 * signed webhooks to it; the processor; the sender (planner off: the benchmark's planner is
 * scoped to its tenants, as in bench:send). Started in dependency order, ready when /readyz
 * (/healthz for the sandbox) answers 200.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export interface Apps {
  sandboxUrl: string;
  pids: [string, number][];
  ingestRequests(): Promise<Record<string, number>>;
  /** Stops the sender and the processor only, so a recount sees a still picture. */
  stopWorkers(): Promise<void>;
  stop(): Promise<void>;
}

interface Options {
  root: string;
  databaseUrl: string;
  brokers: string[];
  prefix: string;
  run: string;
  encryptionKey: string;
  args: Record<string, string>;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Built processors or senders already running (the processor's group id carries no prefix). */
export function otherWorkers(): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (/apps\/(processor|sender)\/dist\/main\.js/.test(cmd)) found.push(`${pid} ${cmd.trim()}`);
    } catch {
      // gone
    }
  }
  return found;
}

export async function startApps(o: Options): Promise<Apps> {
  const others = otherWorkers();
  if (others.length) throw new Error(`other built senders/processors are running; stop them first:\n${others.join('\n')}`);
  const children: [string, ChildProcess][] = [];
  const secret = `bench-${o.run}`;
  async function start(app: string, env: Record<string, string>, ready = '/readyz'): Promise<string> {
    const port = await freePort();
    const child = spawn(process.execPath, [path.join(o.root, 'apps', app, 'dist', 'main.js')], {
      env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: process.env.BENCH_CHILD_LOG_LEVEL ?? 'warn', ...env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    children.push([app, child]);
    const url = `http://127.0.0.1:${port}`;
    for (const until = Date.now() + 60_000; Date.now() < until; await new Promise((r) => setTimeout(r, 200))) {
      if (child.exitCode !== null) throw new Error(`${app} exited with ${child.exitCode}`);
      if (await fetch(`${url}${ready}`).then((r) => r.ok, () => false)) return url;
    }
    throw new Error(`${app} did not become ready`);
  }
  const stop = async (only?: string[]) => {
    for (const [app, child] of [...children].reverse()) {
      if (child.exitCode !== null || (only && !only.includes(app))) continue;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
  };
  try {
    const kafka = { KAFKA_BROKERS: o.brokers.join(','), KAFKA_TOPIC_PREFIX: o.prefix };
    const ingest = await start('ingest', { ...kafka, META_APP_SECRET: secret, META_WEBHOOK_VERIFY_TOKEN: secret });
    const sandboxUrl = await start('meta-sandbox', {
      SANDBOX_CONTROL: 'true', META_APP_SECRET: secret, SANDBOX_WEBHOOK_URL: `${ingest}/webhooks/whatsapp`,
      SANDBOX_SENT_DELAY_MS: o.args['sent-ms']!, SANDBOX_DELIVERED_DELAY_MS: o.args['delivered-ms']!, SANDBOX_READ_DELAY_MS: o.args['read-ms']!,
    }, '/healthz');
    const scenario = { throughputMps: { STANDARD: Number(o.args.limit) }, pairLimit: null, batch: { windowMs: Number(o.args['batch-window-ms']) } };
    const res = await fetch(`${sandboxUrl}/_sandbox/scenario`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(scenario) });
    if (!res.ok) throw new Error(`sandbox scenario: ${res.status} ${await res.text()}`);
    const db = { DATABASE_URL: o.databaseUrl };
    await start('processor', { ...db, ...kafka, WEBHOOK_RETENTION_INTERVAL_MINUTES: '0' });
    await start('sender', {
      ...db, ...kafka, META_GRAPH_URL: sandboxUrl, ENCRYPTION_KEY: o.encryptionKey, PLANNER_ENABLED: 'false', SENDER_GROUP_PURPOSE: `bench-${o.run}`,
      SENDER_CONCURRENCY: o.args.concurrency!, SENDER_PARTITIONS_CONCURRENTLY: '12', DATABASE_POOL_MAX: '30',
    });
    return {
      sandboxUrl,
      pids: children.map(([app, child]) => [app, child.pid!]),
      async ingestRequests() {
        const text = await fetch(`${ingest}/metrics`).then((r) => r.text(), () => '');
        const out: Record<string, number> = {};
        for (const m of text.matchAll(/^ingest_webhook_requests_total\{([^}]*)\} (\d+)$/gm)) {
          if (m[1]!.includes('route="event"')) out[/status="(\d+)"/.exec(m[1]!)?.[1] ?? '?'] = (out[/status="(\d+)"/.exec(m[1]!)?.[1] ?? '?'] ?? 0) + Number(m[2]);
        }
        return out;
      },
      stopWorkers: () => stop(['sender', 'processor']),
      stop: () => stop(),
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
