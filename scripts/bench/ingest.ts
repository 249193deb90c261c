#!/usr/bin/env tsx
/**
 * Ingest benchmark: signed webhook POSTs at constant arrival rates (open model) against
 * apps/ingest (built, own process, producing acks=all to the stack's Kafka) and, in the same run,
 * against a bare node:http server with the same generator and payloads; then each server's
 * closed-loop maximum with autocannon. Writes test-output/bench/ingest-<time>.{json,md}.
 *
 *   npm run -w @dbulk/app-ingest bench            # or: npx tsx scripts/bench/ingest.ts
 *   options: --step-seconds 10  --rates 1000,2000,3300,5000,…  --only ingest|bare  --connections 128
 *            --closed-connections 32 (0 skips the closed-loop run)
 *   INGEST_* variables in the environment are passed to ingest (batching knobs, see apps/ingest/src/env.ts);
 *   BENCH_INGEST_NODE_OPTIONS adds node flags to ingest's command line (e.g. --max-semi-space-size=32).
 *
 * Bounded: each step lasts --step-seconds (plus at most 10 s of stragglers); the ladder stops at
 * the first rate the server cannot keep up with. Binds and connects to 127.0.0.1 only. Produces
 * to its own `bench-<run>.dbulk.webhooks` topic (12 partitions, as declared), deleted at the end.
 * Results and how to read them: docs/benchmarks.md.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findRepoRoot, readStackEnvFile } from '@dbulk/config';
import { createKafka, physicalTopic, reconcileTopics, TOPICS } from '@dbulk/kafka';
import { createLogger } from '@dbulk/logger';
import { runClosedLoop, type ClosedLoopResult } from './lib/closed-loop';
import { runStep, type StepResult } from './lib/open-loop';
import { buildPayloads, describeMix } from './lib/payloads';
import { between, scrape, type ServerView } from './lib/server-metrics';
import { cpuSeconds, machine, summarise, type TargetReport } from './lib/report';

const { values: args } = parseArgs({
  options: {
    'step-seconds': { type: 'string', default: '10' },
    rates: { type: 'string', default: '1000,2000,3300,5000,7500,10000,12500,15000,20000,25000,30000,40000' },
    only: { type: 'string' },
    connections: { type: 'string', default: '128' },
    'closed-connections': { type: 'string', default: '32' },
  },
});
const STEP_S = Number(args['step-seconds']);
const RATES = args.rates!.split(',').map(Number);
const TARGETS = (args.only ? [args.only] : ['bare', 'ingest']) as ('bare' | 'ingest')[];
const SLO = { p99Ms: 25, minDelivered: 0.97 };
const WEBHOOK_PATH = '/webhooks/whatsapp';

const root = findRepoRoot();
const stack = readStackEnvFile(root);
const brokers = (process.env.KAFKA_BROKERS ?? stack.KAFKA_BROKERS ?? '').split(',').filter(Boolean);
if (brokers.length === 0) throw new Error('KAFKA_BROKERS is not set and .data/stack.env has none: run scripts/stack up');
const fixturesDir = [path.join(root, '..', 'shared', 'meta', 'fixtures'), '/work/shared/meta/fixtures'].find((dir) => existsSync(dir));
if (!fixturesDir) throw new Error('the shared Meta fixtures (../shared/meta/fixtures) are missing');

const runId = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
const prefix = `bench-${runId}.`;
const appSecret = `bench-${randomBytes(16).toString('hex')}`;
const payloads = buildPayloads(fixturesDir, appSecret);
const log = (text: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${text}`);
const children: ChildProcess[] = [];

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitHttp(url: string, what: string, child: ChildProcess): Promise<void> {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}`);
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what} did not become ready at ${url} within 60 s`);
}

function start(command: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, command, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(child);
  return child;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

function meetsSlo(step: StepResult): boolean {
  return step.non2xx === 0 && step.errors === 0 && step.skipped === 0 && step.achieved >= SLO.minDelivered * step.offered && step.latencyMs.p99 <= SLO.p99Ms;
}

/** Past the knee: the server no longer keeps up, or answers more than 1 % errors. */
function broken(step: StepResult): boolean {
  const bad = step.non2xx + step.errors + step.skipped;
  return step.achieved < 0.9 * step.offered || bad > 0.01 * step.sent || step.latencyMs.p99 > 1_000;
}

async function ladder(name: string, origin: string, pid: number, kafkaPid: number | undefined): Promise<TargetReport> {
  log(`${name}: warm-up (3 s at 500 req/s)`);
  await runStep({ origin, path: WEBHOOK_PATH, rate: 500, durationS: 3, payloads, connections: Number(args.connections), maxOutstanding: 5_000 });
  const steps: TargetReport['steps'] = [];
  for (const rate of RATES) {
    const before = name === 'ingest' ? await scrape(origin) : undefined;
    const cpuBefore = cpuSeconds(pid);
    const kafkaBefore = kafkaPid ? cpuSeconds(kafkaPid) : 0;
    const wallBefore = performance.now();
    const step = await runStep({
      origin,
      path: WEBHOOK_PATH,
      rate,
      durationS: STEP_S,
      payloads,
      connections: Number(args.connections),
      maxOutstanding: 5_000,
      onProgress: (p) => log(`  ${name} @${rate}/s t=${p.elapsedS.toFixed(0)}s sent=${p.sent} done=${p.done} outstanding=${p.outstanding} non2xx=${p.non2xx} errors=${p.errors}`),
    });
    const wall = (performance.now() - wallBefore) / 1000;
    const serverCpu = (cpuSeconds(pid) - cpuBefore) / wall;
    const kafkaCpu = kafkaPid ? (cpuSeconds(kafkaPid) - kafkaBefore) / wall : undefined;
    const slo = meetsSlo(step);
    const server: ServerView | undefined = before ? between(before, await scrape(origin)) : undefined;
    steps.push({ ...step, serverCpu, kafkaCpu, meetsSlo: slo, loadavg1: os.loadavg()[0]!, server });
    log(
      `${name} @${rate}/s → ${step.achieved}/s ok, p50 ${step.latencyMs.p50} ms, p95 ${step.latencyMs.p95} ms, p99 ${step.latencyMs.p99} ms, ` +
        `non2xx ${step.non2xx}, errors ${step.errors}, skipped ${step.skipped}, server CPU ${(serverCpu * 100).toFixed(0)} %` +
        `${kafkaCpu === undefined ? '' : `, Kafka CPU ${(kafkaCpu * 100).toFixed(0)} %`}, generator lag p99 ${step.lagMs.p99} ms, load ${os.loadavg()[0]!.toFixed(1)} ${slo ? '(meets SLO)' : '(misses SLO)'}` +
        (server ? `\n    ingest's own view: p50 ≤ ${server.p50LeMs} ms, p99 ≤ ${server.p99LeMs} ms, ${server.recordsPerBatch} records/batch, event-loop delay p99 ${server.eventLoopP99Ms} ms (max ${server.eventLoopMaxMs})` : ''),
    );
    if (broken(step)) {
      log(`${name}: past the knee at ${rate}/s; stopping the ladder`);
      break;
    }
  }
  const connections = Number(args['closed-connections']);
  if (connections === 0) return { name, steps, closed: { connections: 0, requestsPerSecond: NaN, ok: 0, non2xx: 0, errors: 0, latencyMs: { p50: NaN, p97_5: NaN, p99: NaN, max: NaN } } };
  log(`${name}: closed-loop maximum (autocannon, ${connections} connections, ${STEP_S} s)`);
  const closed: ClosedLoopResult = await runClosedLoop(`${origin}${WEBHOOK_PATH}`, payloads.slice(0, 200), connections, STEP_S);
  log(`${name}: closed loop → ${closed.requestsPerSecond}/s ok, p50 ${closed.latencyMs.p50} ms, p99 ${closed.latencyMs.p99} ms, non2xx ${closed.non2xx}, errors ${closed.errors}`);
  return { name, steps, closed };
}

async function main() {
  const started = new Date();
  const machineBefore = machine(root);
  log(`run ${runId}: ${machineBefore.cpus} CPUs, load ${machineBefore.loadavg.join(' ')}, payload mix ${JSON.stringify(describeMix(payloads))}`);
  const kafka = createKafka({ brokers, clientId: 'dbulk-bench', logger: createLogger({ name: 'bench', level: 'silent' }) });
  const admin = kafka.admin();
  await admin.connect();
  await reconcileTopics(admin, [TOPICS['dbulk.webhooks'], TOPICS['dbulk.webhooks.dlq']], { topicPrefix: prefix });
  const kafkaPidFile = path.join(root, '.data', 'pids', 'kafka.pid');
  const kafkaPid = existsSync(kafkaPidFile) ? Number(readFileSync(kafkaPidFile, 'utf8').trim()) : undefined;
  const reports: TargetReport[] = [];
  let ingestOk = 0;
  let ingestMetrics = '';
  const ingestEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => name.startsWith('INGEST_'))) as Record<string, string>;
  try {
    for (const target of TARGETS) {
      const port = await freePort();
      const origin = `http://127.0.0.1:${port}`;
      if (target === 'bare') {
        const child = start(['scripts/bench/bare-server.mjs', String(port)], {});
        await waitHttp(origin, 'the bare server', child);
        reports.push(await ladder('bare', origin, child.pid!, undefined));
        await stop(child);
      } else {
        log('building apps/ingest');
        const build = spawnSync(process.execPath, ['scripts/lib/build-node.mjs', 'apps/ingest', 'src/main.ts'], { cwd: root, stdio: 'inherit' });
        if (build.status !== 0) throw new Error('building apps/ingest failed');
        const nodeOptions = process.env.BENCH_INGEST_NODE_OPTIONS?.split(' ').filter(Boolean) ?? [];
        const child = start([...nodeOptions, 'apps/ingest/dist/main.js'], {
          HOST: '127.0.0.1',
          PORT: String(port),
          LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
          NODE_ENV: 'production',
          KAFKA_BROKERS: brokers.join(','),
          KAFKA_TOPIC_PREFIX: prefix,
          META_APP_SECRET: appSecret,
          META_WEBHOOK_VERIFY_TOKEN: 'bench',
          ...ingestEnv,
        });
        await waitHttp(`${origin}/readyz`, 'ingest', child);
        const report = await ladder('ingest', origin, child.pid!, kafkaPid);
        reports.push(report);
        ingestMetrics = await (await fetch(`${origin}/metrics`)).text();
        ingestOk = report.steps.reduce((sum, s) => sum + s.ok, 0) + report.closed.ok;
        await stop(child);
      }
    }
    let onTopic: number | undefined;
    if (TARGETS.includes('ingest')) {
      const offsets = await admin.fetchTopicOffsets(physicalTopic('dbulk.webhooks', prefix));
      onTopic = offsets.reduce((sum, p) => sum + Number(p.high), 0);
      log(`records on ${prefix}dbulk.webhooks: ${onTopic} for ${ingestOk} answers 200 outside warm-up ${onTopic >= ingestOk ? '(every 200 is on the topic)' : '(MISSING RECORDS)'}`);
    }
    const result = { runId, started: started.toISOString(), finished: new Date().toISOString(), command: [path.relative(root, process.argv[1]!), ...process.argv.slice(2)].join(' '), machine: { ...machineBefore, loadavgAfter: os.loadavg().map((n) => Math.round(n * 100) / 100) }, slo: SLO, stepSeconds: STEP_S, ingestEnv, mix: describeMix(payloads), reports, onTopic, ingestOk, ingestMetrics: pickMetrics(ingestMetrics) };
    const dir = path.join(root, 'test-output', 'bench');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `ingest-${started.toISOString().replace(/[:.]/g, '-')}`);
    writeFileSync(`${file}.json`, `${JSON.stringify(result, null, 2)}\n`);
    const markdown = summarise(result);
    writeFileSync(`${file}.md`, markdown);
    console.log(`\n${markdown}`);
    log(`results: ${path.relative(root, file)}.json and .md`);
  } finally {
    await admin.disconnect().catch(() => undefined);
    await cleanup();
  }
}

let cleaning: Promise<void> | undefined;
/** Stops the servers and deletes this run's topics; also on Ctrl-C or `timeout`. */
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const child of children) await stop(child);
    const admin = createKafka({ brokers, clientId: 'dbulk-bench-cleanup', logger: createLogger({ name: 'bench', level: 'silent' }) }).admin();
    await admin.connect();
    const topics = (await admin.listTopics()).filter((name) => name.startsWith(prefix));
    if (topics.length > 0) await admin.deleteTopics({ topics });
    await admin.disconnect();
  })();
  return cleaning;
}

/** The batching facts from ingest's own metrics: batches, records per batch, produce latency. */
function pickMetrics(text: string): Record<string, number> {
  const value = (name: string) => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? ([\\d.e+-]+)$`, 'm').exec(text)?.[1] ?? NaN);
  const batches = value('ingest_kafka_batch_records_count');
  const records = value('ingest_kafka_batch_records_sum');
  return {
    batches,
    recordsPerBatch: Math.round((records / batches) * 10) / 10,
    produceSecondsAvg: Math.round((value('ingest_kafka_produce_duration_seconds_sum') / value('ingest_kafka_produce_duration_seconds_count')) * 1e5) / 1e5,
  };
}

// Wrappers (npx, tsx) may pass a signal on more than once: the first starts the cleanup, the rest wait for it.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (cleaning) return;
    log(`${signal}: stopping the servers and deleting ${prefix}* topics`);
    void cleanup()
      .catch((err: unknown) => console.error(err))
      .finally(() => {
        log('cleaned up');
        process.exit(130);
      });
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
