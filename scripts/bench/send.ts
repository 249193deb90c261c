#!/usr/bin/env tsx
/**
 * Send-path benchmark: the built sender (own process, default settings except concurrency)
 * sending campaigns of --numbers numbers to the built Meta sandbox through a proxy adding
 * --latency ms per call (uniform), each number limited by the sandbox to --limit msg/s and
 * believed by dbulk to allow --rate msg/s; the planner runs in this process, scoped to the
 * benchmark's tenants. Checked from the sandbox's own records: the sustained platform rate and,
 * per number, the most sends in any 1-second window (must stay ≤ --limit).
 * Baseline in the same run, same numbers and proxy: a bare consume → paced HTTP POST loop with
 * the same concurrency and no database (lib/bare-sender.ts). Target: ≥ 1,000 sends/s sustained
 * and ≥ 0.7 × baseline. Uses DATABASE_URL_TEST; deletes its tenants and topics at the end.
 * Results: test-output/bench/send-<time>.json; docs/benchmarks.md "Send path".
 *
 *   npm run bench:send -- --numbers 12 --limit 100 --rate 90 --seconds 20 --latency 50,300 --concurrency 400
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findRepoRoot, readStackEnvFile } from '@dbulk/config';
import { createOrm } from '@dbulk/db';
import { createPlanner } from '@dbulk/domain-campaigns';
import { createKeyring } from '@dbulk/domain-whatsapp';
import { createKafka, reconcileTopics, TOPICS, TypedProducer } from '@dbulk/kafka';
import { createLogger } from '@dbulk/logger';
import { runBareSender, type BareTarget } from './lib/bare-sender';
import { deleteNumbers, maxInAnySecond, seedNumber, sustainedRate, type BenchNumber } from './lib/send-load';

const { values: args } = parseArgs({
  options: {
    numbers: { type: 'string', default: '12' },
    limit: { type: 'string', default: '100' },
    rate: { type: 'string', default: '90' },
    seconds: { type: 'string', default: '20' },
    latency: { type: 'string', default: '50,300' },
    concurrency: { type: 'string', default: '400' },
    skip: { type: 'string' },
  },
});
const NUMBERS = Number(args.numbers);
const LIMIT = Number(args.limit);
const RATE = Number(args.rate);
const PER_NUMBER = Math.round(RATE * Number(args.seconds));
const [LAT_MIN, LAT_MAX] = args.latency!.split(',').map(Number) as [number, number];
const CONCURRENCY = Number(args.concurrency);
const root = findRepoRoot();
const stackEnv = readStackEnvFile(root);
const databaseUrl = process.env.DATABASE_URL_TEST ?? stackEnv.DATABASE_URL_TEST;
const brokers = (process.env.KAFKA_BROKERS ?? stackEnv.KAFKA_BROKERS ?? '').split(',').filter(Boolean);
if (!databaseUrl || brokers.length === 0) throw new Error('DATABASE_URL_TEST / KAFKA_BROKERS missing: run scripts/stack up');
const run = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
const log = (text: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${text}`);
const logger = createLogger({ name: 'bench-send', level: 'warn' });
const children: ChildProcess[] = [];
const ENCRYPTION_KEY = randomBytes(32).toString('base64');

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startChild(app: string, env: Record<string, string>, port: number): Promise<string> {
  const child = spawn(process.execPath, [path.join(root, 'apps', app, 'dist', 'main.js')], {
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: process.env.BENCH_CHILD_LOG_LEVEL ?? 'warn', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.push(child);
  const url = `http://127.0.0.1:${port}`;
  for (const until = Date.now() + 60_000; Date.now() < until; await new Promise((r) => setTimeout(r, 200))) {
    if (child.exitCode !== null) throw new Error(`${app} exited with ${child.exitCode}`);
    if (await fetch(`${url}/healthz`).then((r) => r.ok, () => false)) return url;
  }
  throw new Error(`${app} did not start`);
}

/** The latency proxy in a process of its own (lib/latency-proxy-main.ts). */
async function startProxy(target: string): Promise<{ url: string; close: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/bench/lib/latency-proxy-main.ts'), target, String(LAT_MIN), String(LAT_MAX)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /PROXY (\S+)/.exec(chunk.toString());
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`latency proxy exited with ${code}`)));
  });
  return { url, close: async () => void child.kill('SIGTERM') };
}

/** Per number, the most sends that reached the proxy in any second between `from` and `to`. */
async function proxyMaxWindow(proxyUrl: string, from: number, to: number): Promise<number> {
  const arrivals = (await (await fetch(`${proxyUrl}/_proxy/arrivals`)).json()) as Record<string, number[]>;
  return Math.max(0, ...Object.values(arrivals).map((times) => maxInAnySecond(times.filter((t) => t >= from && t <= to))));
}

async function throttled(sandbox: string): Promise<number> {
  const summary = (await (await fetch(`${sandbox}/_sandbox/sent/summary`)).json()) as { rejected_by_code?: Record<string, number> };
  return summary.rejected_by_code?.['130429'] ?? 0;
}

async function sandboxTimes(sandbox: string, numbers: BenchNumber[], prefix: string) {
  const perNumber = new Map<string, number[]>();
  for (const n of numbers) {
    const res = (await (await fetch(`${sandbox}/_sandbox/sent?phone_number_id=${n.phoneNumberId}`)).json()) as { data: { to: string; acceptedAt: number }[] };
    perNumber.set(n.phoneNumberId, res.data.filter((r) => r.to.replace(/^\+/, '').startsWith(prefix)).map((r) => r.acceptedAt));
  }
  const all = [...perNumber.values()].flat();
  return { count: all.length, rate: sustainedRate(all), maxWindow: Math.max(...[...perNumber.values()].map(maxInAnySecond)) };
}

async function main() {
  const sandbox = await startChild('meta-sandbox', { SANDBOX_CONTROL: 'true', META_APP_SECRET: 'bench', SANDBOX_READ_DELAY_MS: 'never', SANDBOX_SENT_DELAY_MS: '1000', SANDBOX_DELIVERED_DELAY_MS: '2000' }, await freePort());
  await fetch(`${sandbox}/_sandbox/scenario`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ throughputMps: { STANDARD: LIMIT }, pairLimit: null }) });
  const proxy = await startProxy(sandbox);
  const orm = await createOrm({ url: databaseUrl!, poolMax: 6 });
  const kafka = createKafka({ brokers, clientId: `bench-send-${run}`, logger });
  const admin = kafka.admin();
  await admin.connect();
  const prefixes = [`bench-${run}.`, `bench-${run}-bare.`];
  for (const prefix of prefixes) await reconcileTopics(admin, [TOPICS['dbulk.send'], TOPICS['dbulk.control'], TOPICS['dbulk.events'], TOPICS['dbulk.webhooks.dlq']], { topicPrefix: prefix });
  const keyring = createKeyring(ENCRYPTION_KEY);
  const numbers: BenchNumber[] = [];
  const report: Record<string, unknown> = { run, at: new Date().toISOString(), numbers: NUMBERS, limit: LIMIT, rate: RATE, perNumber: PER_NUMBER, latencyMs: [LAT_MIN, LAT_MAX], concurrency: CONCURRENCY };
  try {
    for (let i = 0; i < NUMBERS; i++) numbers.push(await seedNumber(orm.em.fork(), keyring, sandbox, { messages: PER_NUMBER, throughputMps: RATE }));
    log(`seeded ${NUMBERS} numbers × ${PER_NUMBER} messages`);
    const total = NUMBERS * PER_NUMBER;

    if (args.skip !== 'sender') {
      const producer = new TypedProducer({ kafka, logger, topicPrefix: prefixes[0], idempotent: true });
      await producer.start();
      await startChild('sender', {
        DATABASE_URL: databaseUrl!, KAFKA_BROKERS: brokers.join(','), KAFKA_TOPIC_PREFIX: prefixes[0]!, META_GRAPH_URL: proxy.url, ENCRYPTION_KEY,
        PLANNER_ENABLED: 'false', SENDER_GROUP_PURPOSE: `bench-${run}`, SENDER_CONCURRENCY: String(CONCURRENCY), SENDER_PARTITIONS_CONCURRENTLY: '12', DATABASE_POOL_MAX: '30',
      }, await freePort());
      const planner = createPlanner({ orm, producer, logger, tickMs: 100, tenantIds: numbers.map((n) => n.tenantId), lockKey: 1_700_000_000 + Math.floor(Math.random() * 1e8) });
      const started = Date.now();
      await planner.start();
      let accepted = 0;
      for (const until = Date.now() + 600_000; Date.now() < until; await new Promise((r) => setTimeout(r, 1_000))) {
        const [row] = await orm.em.fork().execute<{ accepted: string; failed: string }[]>(
          `select count(*) filter (where status = 'ACCEPTED')::text as accepted, count(*) filter (where status = 'FAILED')::text as failed
           from campaign_messages where tenant_id in (select (jsonb_array_elements_text(?::jsonb))::uuid)`,
          [JSON.stringify(numbers.map((n) => n.tenantId))],
        );
        accepted = Number(row!.accepted);
        if (accepted + Number(row!.failed) >= total) break;
      }
      const wall = (Date.now() - started) / 1_000;
      const atProxy = await proxyMaxWindow(proxy.url, started, Date.now());
      const rejected = await throttled(sandbox);
      await planner.stop();
      await producer.shutdown();
      const times = await sandboxTimes(sandbox, numbers, '4916');
      report.sender = { accepted, wallSeconds: wall, sandboxSends: times.count, sustainedPerSecond: Math.round(times.rate), maxPerNumberInAnySecond: times.maxWindow, maxPerNumberInAnySecondAtProxy: atProxy, throttled130429: rejected };
      log(`sender: ${accepted}/${total} accepted in ${wall.toFixed(1)} s; sustained ${Math.round(times.rate)}/s; busiest number in one second: ${times.maxWindow} stamped by the sandbox, ${atProxy} arriving at the proxy (limit ${LIMIT}); 130429 answers ${rejected}`);
    }

    if (args.skip !== 'baseline') {
      const targets = new Map<string, BareTarget>();
      const producer = new TypedProducer({ kafka, logger, topicPrefix: prefixes[1] });
      await producer.start();
      const records = [];
      for (const n of numbers) {
        const ids = n.messages.map((m, i) => {
          const id = `${n.phoneNumberId}-${i}`;
          targets.set(id, { phoneNumberId: n.phoneNumberId, token: n.token, to: `4918${m.to.slice(4)}` });
          return id;
        });
        for (let i = 0; i < ids.length; i += 50) records.push({ key: n.tenantId, value: { tenantId: n.tenantId, campaignId: n.campaignId, messageIds: ids.slice(i, i + 50) } });
      }
      for (let i = 0; i < records.length; i += 200) await producer.send('dbulk.send', records.slice(i, i + 200));
      await producer.shutdown();
      const bareStart = Date.now();
      const rejectedBefore = await throttled(sandbox);
      const bare = await runBareSender({ kafka, logger, topicPrefix: prefixes[1]!, graphUrl: proxy.url, targets, ratePerNumber: RATE, concurrency: CONCURRENCY, partitions: 12, expected: targets.size, timeoutMs: 600_000 });
      const times = await sandboxTimes(sandbox, numbers, '4918');
      const atProxy = await proxyMaxWindow(proxy.url, bareStart, Date.now());
      const rejected = (await throttled(sandbox)) - rejectedBefore;
      report.baseline = { ...bare, sandboxSends: times.count, sustainedPerSecond: Math.round(times.rate), maxPerNumberInAnySecond: times.maxWindow, maxPerNumberInAnySecondAtProxy: atProxy, throttled130429: rejected };
      log(`baseline: ${bare.sent} sent, ${bare.failed} failed; sustained ${Math.round(times.rate)}/s; busiest number in one second: ${times.maxWindow} stamped by the sandbox, ${atProxy} at the proxy; 130429 answers ${rejected}`);
    }
    const s = report.sender as { sustainedPerSecond: number } | undefined;
    const b = report.baseline as { sustainedPerSecond: number } | undefined;
    if (s && b) report.ratio = Number((s.sustainedPerSecond / b.sustainedPerSecond).toFixed(2));
    log(`ratio sender/baseline: ${String(report.ratio ?? 'n/a')}`);
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await deleteNumbers(orm.em.fork(), numbers).catch((err: unknown) => log(`cleanup failed: ${String(err)}`));
    const topics = (await admin.listTopics()).filter((t) => prefixes.some((p) => t.startsWith(p)));
    if (topics.length) await admin.deleteTopics({ topics }).catch(() => undefined);
    await admin.disconnect();
    await orm.close(true);
    await proxy.close();
  }
  const out = path.join(root, 'test-output', 'bench');
  mkdirSync(out, { recursive: true });
  const file = path.join(out, `send-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(report, null, 2));
  log(`wrote ${file}`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    for (const child of children) child.kill('SIGKILL');
    process.exit(1);
  },
);
