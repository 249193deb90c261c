#!/usr/bin/env tsx
/**
 * Status-path benchmark: Meta's status webhooks for one number at its top throughput (1,000
 * msg/s × sent/delivered/read = 3,000 statuses/s, 10 % redelivered, shuffled) produced to a
 * `dbulk.webhooks` topic of this run (keyed by phone_number_id, as ingest does) and applied by
 * the built processor (own process, default settings) to campaign messages in PostgreSQL.
 *
 * Phases (each on its own tenant, number, campaign and topic prefix):
 *  1. paced: --rate statuses/s for --seconds; webhook-to-row latency (due time → the status's
 *     message_events row visible as applied, which commits with the campaign_messages update),
 *     p50/p95/p99, and the sustained applied rate;
 *  2. drain: the same stream produced up front, then a processor started: how fast it empties;
 *  3. baseline: the same stream as raw batched UPDATEs (forward-only, no Kafka, no dedupe, no
 *     history, no counters) in chunks of --chunk (also the processor's PROCESSOR_CHUNK_SIZE) on one
 *     connection, as one partition's consumer works.
 * Target: p99 ≤ 2 s at 3,000/s; drain ≥ 0.6 × baseline. Uses DATABASE_URL_TEST (dbulk_test);
 * deletes its tenants and topics at the end. Results: test-output/bench/statuses-<time>.json.
 *
 *   npm run bench:statuses -- --rate 3000 --seconds 20 --dup 0.1 --per-body 1 --chunk 500 --tick-ms 10
 *     --phases paced,drain,baseline   BENCH_PROCESSOR_NODE_OPTIONS adds node flags (e.g. --cpu-prof)
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findRepoRoot, readStackEnvFile } from '@dbulk/config';
import { createOrm } from '@dbulk/db';
import { createKafka, reconcileTopics, TOPICS, TypedProducer } from '@dbulk/kafka';
import { createLogger } from '@dbulk/logger';
import { cpuSeconds, machine } from './lib/report';
import { deletePhases, eventKey, seedPhase, statusBody, statusStream, type Phase, type StatusItem } from './lib/status-load';

const { values: args } = parseArgs({
  options: {
    rate: { type: 'string', default: '3000' },
    seconds: { type: 'string', default: '20' },
    dup: { type: 'string', default: '0.1' },
    'per-body': { type: 'string', default: '1' },
    'tick-ms': { type: 'string', default: '10' },
    chunk: { type: 'string', default: '500' },
    phases: { type: 'string', default: 'paced,drain,baseline' },
  },
});
const RATE = Number(args.rate);
const SECONDS = Number(args.seconds);
const DUP = Number(args.dup);
const PER_BODY = Number(args['per-body']);
const TICK_MS = Number(args['tick-ms']);
const CHUNK = Number(args.chunk);
const PHASES = new Set(args.phases!.split(','));
const MESSAGES = Math.round((RATE * SECONDS) / (3 * (1 + DUP)));

const root = findRepoRoot();
const stackEnv = readStackEnvFile(root);
const databaseUrl = process.env.DATABASE_URL_TEST ?? stackEnv.DATABASE_URL_TEST;
const brokers = (process.env.KAFKA_BROKERS ?? stackEnv.KAFKA_BROKERS ?? '').split(',').filter(Boolean);
if (!databaseUrl || brokers.length === 0) throw new Error('DATABASE_URL_TEST / KAFKA_BROKERS missing: run scripts/stack up');
const runId = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
const log = (text: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${text}`);
const logger = createLogger({ name: 'bench', level: 'warn' });
const kafka = createKafka({ brokers, clientId: 'dbulk-bench-statuses', logger });
const orm = await createOrm({ url: databaseUrl, poolMax: 4 });
const children: ChildProcess[] = [];
const kafkaPidFile = path.join(root, '.data', 'pids', 'kafka.pid');
const kafkaPid = existsSync(kafkaPidFile) ? Number(readFileSync(kafkaPidFile, 'utf8').trim()) : undefined;
const kafkaCpu = () => (kafkaPid ? cpuSeconds(kafkaPid) : NaN);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const pct = (sorted: number[], p: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!);
const round = (n: number) => Math.round(n * 10) / 10;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const metricsUrls = new Map<ChildProcess, string>();

/** The processor's own view: handler calls (chunks), mean records and milliseconds per chunk. */
async function processorView(child: ChildProcess) {
  const text = await fetch(metricsUrls.get(child)!).then((r) => r.text(), () => '');
  const value = (name: string) => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.e+-]+)$`, 'm').exec(text)?.[1] ?? NaN);
  const chunks = value('processor_batch_duration_seconds_count');
  const records = value('processor_records_total');
  return { chunks, recordsPerChunk: round(records / chunks), msPerChunk: round((value('processor_batch_duration_seconds_sum') * 1000) / chunks) };
}

async function startProcessor(prefix: string): Promise<ChildProcess> {
  const port = await freePort();
  const nodeFlags = (process.env.BENCH_PROCESSOR_NODE_OPTIONS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeFlags, 'apps/processor/dist/main.js'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', DATABASE_URL: databaseUrl!, KAFKA_BROKERS: brokers.join(','), KAFKA_TOPIC_PREFIX: prefix, PORT: String(port), HOST: '127.0.0.1', WEBHOOK_RETENTION_INTERVAL_MINUTES: '0', PROCESSOR_CHUNK_SIZE: String(CHUNK) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`processor exited with ${child.exitCode}`);
    if (await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false)) {
      metricsUrls.set(child, `http://127.0.0.1:${port}/metrics`);
      return child;
    }
    await sleep(200);
  }
  throw new Error('processor not ready within 60 s');
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/** Polls the phase's applied statuses every 20 ms (at most); calls `seen` with each newly visible (wamid, status) and the time. */
function watchApplied(phase: Phase, seen: (key: string, at: number) => void) {
  let lastId = '0';
  let stopped = false;
  const done = (async () => {
    while (!stopped) {
      // A primary-key range scan, filtered here: the phase's rows commit in id order (one
      // partition, one transaction at a time), and the poll must not cost Postgres what it measures.
      const rows = await orm.em.fork().execute<{ id: string; wamid: string; status: string; tenant_id: string | null; applied: boolean }[]>(
        `select id, wamid, status, tenant_id, applied_at is not null as applied from message_events where id > ? order by id limit 20000`,
        [lastId],
      );
      const now = performance.now();
      for (const r of rows) if (r.tenant_id === phase.tenantId && r.applied) seen(eventKey(r.wamid, r.status), now);
      if (rows.length > 0) lastId = String(rows.at(-1)!.id);
      // A poll every 20 ms at most: latency resolution of 20 ms, without the watcher eating a core.
      await sleep(20);
    }
  })();
  return { stop: async () => { stopped = true; await done; } };
}

async function produceAll(producer: TypedProducer, phase: Phase, items: StatusItem[], onSent?: (batch: StatusItem[], due: number) => void, rate?: number) {
  const bodies: StatusItem[][] = [];
  for (let i = 0; i < items.length; i += PER_BODY) bodies.push(items.slice(i, i + PER_BODY));
  const started = performance.now();
  let next = 0;
  while (next < bodies.length) {
    const dueCount = rate ? Math.min(bodies.length, Math.floor(((performance.now() - started) / 1000) * (rate / PER_BODY)) + 1) : Math.min(bodies.length, next + 2_000);
    if (dueCount <= next) {
      // 10 ms ticks by default: ~30 records per produce request at 3,000/s, about what ingest's batcher sends.
      await sleep(TICK_MS);
      continue;
    }
    const batch = bodies.slice(next, dueCount);
    const dueOf = (k: number) => started + ((next + k) * PER_BODY * 1000) / (rate ?? Infinity);
    batch.forEach((b, k) => onSent?.(b, rate ? dueOf(k) : performance.now()));
    const receivedAt = new Date().toISOString();
    await producer.send('dbulk.webhooks', batch.map((b) => ({ key: phase.phoneNumberId, value: { receivedAt, body: statusBody(phase, b), headers: { 'content-type': 'application/json' } } })));
    next = dueCount;
  }
  return (performance.now() - started) / 1000;
}

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (check()) return true;
    await sleep(50);
  }
  return check();
}

async function recountMatches(phase: Phase) {
  const [row] = await orm.em.fork().execute<{ ok: boolean; read: number }[]>(
    `select (c.read = (select count(*) from campaign_messages m where m.campaign_id = c.id and m.status = 'READ')
             and c.accepted = (select count(*) from campaign_messages m where m.campaign_id = c.id and m.status = 'ACCEPTED')) as ok, c.read
     from campaigns c where c.id = ?`,
    [phase.campaignId],
  );
  return row!;
}

async function paced(producer: TypedProducer, phase: Phase, items: StatusItem[], processor: ChildProcess) {
  const processorPid = processor.pid!;
  const cpuBefore = cpuSeconds(processorPid);
  const kafkaBefore = kafkaCpu();
  const due = new Map<string, number>();
  const latencies: number[] = [];
  const unique = new Set(items.map((s) => eventKey(s.wamid, s.status))).size;
  let firstSeen = Infinity;
  let lastSeen = 0;
  const watcher = watchApplied(phase, (key, at) => {
    const d = due.get(key);
    if (d === undefined) return;
    latencies.push(at - d);
    due.delete(key);
    firstSeen = Math.min(firstSeen, at);
    lastSeen = Math.max(lastSeen, at);
  });
  const seenDue = new Set<string>();
  const start = performance.now();
  const produceSeconds = await produceAll(producer, phase, items, (batch, d) => {
    for (const s of batch) {
      const key = eventKey(s.wamid, s.status);
      if (!seenDue.has(key)) due.set(key, d);
      seenDue.add(key);
    }
  }, RATE);
  await waitUntil(() => latencies.length >= unique, 120_000);
  await watcher.stop();
  latencies.sort((a, b) => a - b);
  return {
    offeredPerS: RATE, events: items.length, uniqueEvents: unique, applied: latencies.length, produceSeconds: round(produceSeconds),
    appliedPerS: Math.round(latencies.length / ((lastSeen - start) / 1000)),
    latencyMs: { p50: round(pct(latencies, 50)), p95: round(pct(latencies, 95)), p99: round(pct(latencies, 99)), max: round(latencies.at(-1) ?? NaN) },
    processorCpuShare: round((cpuSeconds(processorPid) - cpuBefore) / ((performance.now() - start) / 1000)),
    kafkaCpuShare: round((kafkaCpu() - kafkaBefore) / ((performance.now() - start) / 1000)),
    processor: await processorView(processor),
    counters: await recountMatches(phase),
  };
}

async function drain(producer: TypedProducer, prefix: string, phase: Phase, items: StatusItem[]) {
  await produceAll(producer, phase, items);
  const unique = new Set(items.map((s) => eventKey(s.wamid, s.status))).size;
  let count = 0;
  let first = Infinity;
  let last = 0;
  const watcher = watchApplied(phase, (_key, at) => { count += 1; first = Math.min(first, at); last = Math.max(last, at); });
  const processor = await startProcessor(prefix);
  const cpuBefore = cpuSeconds(processor.pid!);
  await waitUntil(() => count >= unique, 300_000);
  const cpu = cpuSeconds(processor.pid!) - cpuBefore;
  const view = await processorView(processor);
  await watcher.stop();
  await stop(processor);
  const seconds = (last - first) / 1000;
  return {
    events: items.length, uniqueEvents: unique, applied: count, seconds: round(seconds), eventsPerS: Math.round(items.length / seconds),
    processorCpuUsPerEvent: Math.round((cpu / items.length) * 1e6), processor: view, counters: await recountMatches(phase),
  };
}

async function baseline(phase: Phase, items: StatusItem[]) {
  const em = orm.em.fork();
  const started = performance.now();
  for (let i = 0; i < items.length; i += CHUNK) {
    const rows = items.slice(i, i + CHUNK).map((s) => ({ wamid: s.wamid, rank: s.status === 'sent' ? 1 : s.status === 'delivered' ? 2 : 3, at: new Date(s.ts * 1000).toISOString() }));
    // Bound like the processor's statements (knex raw with bindings, not MikroORM's inlining).
    await em.getKnex().raw(
      `update campaign_messages m set
         status = (case greatest(x.rank, case m.status when 'SENT' then 1 when 'DELIVERED' then 2 when 'READ' then 3 else 0 end) when 1 then 'SENT' when 2 then 'DELIVERED' else 'READ' end),
         sent_at = least(m.sent_at, x.sent_at), delivered_at = least(m.delivered_at, x.delivered_at), read_at = least(m.read_at, x.read_at), updated_at = now()
       from (select wamid, max(rank) as rank, min(at) filter (where rank = 1) as sent_at, min(at) filter (where rank = 2) as delivered_at, min(at) filter (where rank = 3) as read_at
             from jsonb_to_recordset(?::jsonb) as r(wamid text, rank int, at timestamptz) group by wamid) x
       where m.wamid = x.wamid`,
      [JSON.stringify(rows)],
    );
  }
  const seconds = (performance.now() - started) / 1000;
  return { events: items.length, seconds: round(seconds), eventsPerS: Math.round(items.length / seconds) };
}

const phases: Phase[] = [];
const prefixes = [`bench-${runId}-paced.`, `bench-${runId}-drain.`];
const admin = kafka.admin();
try {
  const machineBefore = machine(root);
  log(`run ${runId}: ${machineBefore.cpus} CPUs, load ${machineBefore.loadavg.join(' ')}; ${MESSAGES} messages per phase, ${RATE}/s for ${SECONDS} s, ${DUP * 100} % redelivered, ${PER_BODY} status(es) per webhook`);
  const build = spawnSync(process.execPath, ['scripts/lib/build-node.mjs', 'apps/processor', 'src/main.ts'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('processor build failed');
  await admin.connect();
  for (const prefix of prefixes) await reconcileTopics(admin, [TOPICS['dbulk.webhooks'], TOPICS['dbulk.webhooks.dlq'], TOPICS['dbulk.control'], TOPICS['dbulk.events']], { topicPrefix: prefix });
  for (const label of ['paced', 'drain', 'base']) phases.push(await seedPhase(orm.em.fork(), runId, label, MESSAGES));
  const [pacedPhase, drainPhase, basePhase] = phases as [Phase, Phase, Phase];
  const stream = (p: Phase) => statusStream(p.wamids, DUP);

  let pacedResult: Awaited<ReturnType<typeof paced>> | undefined;
  let drainResult: Awaited<ReturnType<typeof drain>> | undefined;
  let baseResult: Awaited<ReturnType<typeof baseline>> | undefined;
  if (PHASES.has('paced')) {
    const producer = new TypedProducer({ kafka, logger, topicPrefix: prefixes[0]! });
    await producer.start();
    const processor = await startProcessor(prefixes[0]!);
    log('phase 1: paced');
    pacedResult = await paced(producer, pacedPhase, stream(pacedPhase), processor);
    log(`paced: ${JSON.stringify(pacedResult)}`);
    await stop(processor);
    await producer.shutdown();
  }
  if (PHASES.has('drain')) {
    log('phase 2: drain');
    const producer2 = new TypedProducer({ kafka, logger, topicPrefix: prefixes[1]! });
    await producer2.start();
    drainResult = await drain(producer2, prefixes[1]!, drainPhase, stream(drainPhase));
    await producer2.shutdown();
    log(`drain: ${JSON.stringify(drainResult)}`);
  }
  if (PHASES.has('baseline')) {
    log('phase 3: baseline (raw batched UPDATEs)');
    baseResult = await baseline(basePhase, stream(basePhase));
    log(`baseline: ${JSON.stringify(baseResult)}`);
  }

  const ratio = drainResult && baseResult ? Math.round((drainResult.eventsPerS / baseResult.eventsPerS) * 100) / 100 : undefined;
  const result = {
    runId, finished: new Date().toISOString(), command: ['npm run bench:statuses --', ...process.argv.slice(2)].join(' '),
    machine: { ...machineBefore, loadavgAfter: machine(root).loadavg }, settings: { rate: RATE, seconds: SECONDS, dup: DUP, perBody: PER_BODY, chunk: CHUNK, messagesPerPhase: MESSAGES },
    paced: pacedResult, drain: drainResult, baseline: baseResult, ratio,
    targets: {
      p99Under2s: pacedResult ? pacedResult.latencyMs.p99 <= 2_000 : undefined,
      sustained: pacedResult ? pacedResult.appliedPerS >= (0.97 * RATE) / (1 + DUP) : undefined,
      ratioAtLeast06: ratio === undefined ? undefined : ratio >= 0.6,
    },
  };
  const dir = path.join(root, 'test-output', 'bench');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `statuses-${new Date().toISOString().replaceAll(':', '-')}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  log(`ratio drain/baseline ${ratio}; targets ${JSON.stringify(result.targets)}; written ${path.relative(root, file)}`);
} finally {
  for (const child of children) await stop(child);
  await deletePhases(orm.em.fork(), phases).catch((err) => log(`cleanup failed: ${String(err)}`));
  const topics = (await admin.listTopics().catch(() => [] as string[])).filter((t) => prefixes.some((p) => t.startsWith(p)));
  if (topics.length > 0) await admin.deleteTopics({ topics }).catch(() => undefined);
  await admin.disconnect().catch(() => undefined);
  await orm.close(true);
}
