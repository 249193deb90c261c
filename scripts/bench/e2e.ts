#!/usr/bin/env tsx
/**
 * End-to-end benchmark (issue 4): --messages recipients split over --campaigns campaigns, each
 * on its own tenant and sandbox number that dbulk believes allows --rate msg/s (10 × 100 = the
 * 1,000 msg/s target; the sandbox limits each number to --limit), started through the real
 * campaigns service (startCampaign) → planner (this process, scoped to the run's tenants, as in
 * bench:send) → dbulk.send → the built sender → the built Meta sandbox (signed status webhooks
 * after its sent/delivered/read delays) → the built ingest → dbulk.webhooks → the built
 * processor → PostgreSQL. Every app in its own process on topics of the run's own prefix.
 * Reports: time from start to every message terminal (ACCEPTED or later) and to every message
 * at its final status (DELIVERED, or READ when reads are on); counters vs a recount; the
 * sandbox's per-recipient counts (every accepted message sent once, no duplicates); CPU per
 * 1,000 messages and peak RSS of every process, PostgreSQL and the Kafka broker included.
 * Uses DATABASE_URL_TEST; deletes its tenants and topics. Results: test-output/bench/e2e-<time>.json.
 *
 *   npm run bench:e2e -- --messages 100000 --campaigns 10 --rate 100 --limit 110
 *     --sent-ms 300 --delivered-ms 800 --read-ms 2000|never --batch-window-ms 0 --timeout 900
 */
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findRepoRoot, readStackEnvFile } from '@dbulk/config';
import { createOrm } from '@dbulk/db';
import { createPlanner, startCampaign } from '@dbulk/domain-campaigns';
import { createKeyring } from '@dbulk/domain-whatsapp';
import { createKafka, reconcileTopics, TOPICS, TypedProducer } from '@dbulk/kafka';
import { createLogger } from '@dbulk/logger';
import { counters, recount, sandboxCheck } from './lib/e2e-check';
import { startApps, type Apps } from './lib/e2e-apps';
import { deleteCampaigns, seedCampaign, type E2eCampaign } from './lib/e2e-seed';
import { cpuOf, findPostmaster, machineBusySeconds, sampleRss, type Target } from './lib/proc-sampler';
import { machine } from './lib/report';

const { values: args } = parseArgs({
  options: {
    messages: { type: 'string', default: '100000' },
    campaigns: { type: 'string', default: '10' },
    rate: { type: 'string', default: '100' },
    limit: { type: 'string', default: '110' },
    'sent-ms': { type: 'string', default: '300' },
    'delivered-ms': { type: 'string', default: '800' },
    'read-ms': { type: 'string', default: '2000' },
    'batch-window-ms': { type: 'string', default: '0' },
    concurrency: { type: 'string', default: '400' },
    'planner-tick-ms': { type: 'string', default: '300' },
    timeout: { type: 'string', default: '900' },
  },
});
const MESSAGES = Number(args.messages);
const CAMPAIGNS = Number(args.campaigns);
const PER_CAMPAIGN = Math.floor(MESSAGES / CAMPAIGNS);
const TOTAL = PER_CAMPAIGN * CAMPAIGNS;
const READS = args['read-ms'] !== 'never';
const root = findRepoRoot();
const stackEnv = readStackEnvFile(root);
const databaseUrl = process.env.DATABASE_URL_TEST ?? stackEnv.DATABASE_URL_TEST;
const brokers = (process.env.KAFKA_BROKERS ?? stackEnv.KAFKA_BROKERS ?? '').split(',').filter(Boolean);
if (!databaseUrl || brokers.length === 0) throw new Error('DATABASE_URL_TEST / KAFKA_BROKERS missing: run scripts/stack up');
const run = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
const prefix = `bench-${run}.`;
const log = (text: string) => console.log(`[e2e ${new Date().toISOString().slice(11, 19)}] ${text}`);
const logger = createLogger({ name: 'bench-e2e', level: 'warn' });
const ENCRYPTION_KEY = randomBytes(32).toString('base64');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round1 = (n: number) => Math.round(n * 10) / 10;

async function main() {
  const before = machine(root);
  log(`run ${run}: ${TOTAL} messages = ${CAMPAIGNS} campaigns × ${PER_CAMPAIGN} at ${args.rate} msg/s each (sandbox limit ${args.limit}); delays sent ${args['sent-ms']} / delivered ${args['delivered-ms']} / read ${args['read-ms']} ms; load ${before.loadavg.join(' ')}`);
  const orm = await createOrm({ url: databaseUrl!, poolMax: 12 });
  const kafka = createKafka({ brokers, clientId: `bench-e2e-${run}`, logger });
  const admin = kafka.admin();
  await admin.connect();
  await reconcileTopics(admin, Object.values(TOPICS), { topicPrefix: prefix });
  const seeded: E2eCampaign[] = [];
  let apps: Apps | undefined;
  const producer = new TypedProducer({ kafka, logger, topicPrefix: prefix, idempotent: true });
  const report: Record<string, unknown> = { run, at: new Date().toISOString(), command: ['npm run bench:e2e --', ...process.argv.slice(2)].join(' '), settings: { ...args, total: TOTAL, perCampaign: PER_CAMPAIGN } };
  try {
    apps = await startApps({ root, databaseUrl: databaseUrl!, brokers, prefix, run, encryptionKey: ENCRYPTION_KEY, args: args as Record<string, string> });
    const keyring = createKeyring(ENCRYPTION_KEY);
    for (let i = 0; i < CAMPAIGNS; i++) seeded.push(await seedCampaign(orm.em.fork(), keyring, apps.sandboxUrl, { index: i, recipients: PER_CAMPAIGN, throughputMps: Number(args.rate) }));
    log(`seeded ${CAMPAIGNS} tenants, numbers, lists of ${PER_CAMPAIGN} contacts and DRAFT campaigns`);
    await producer.start();
    const planner = createPlanner({ orm, producer, logger, tickMs: Number(args['planner-tick-ms']), tenantIds: seeded.map((s) => s.tenantId), lockKey: randomInt(1_000_000, 2_000_000_000) });
    await planner.start();

    const kafkaPidFile = path.join(root, '.data', 'pids', 'kafka.pid');
    const kafkaPid = existsSync(kafkaPidFile) ? Number(readFileSync(kafkaPidFile, 'utf8').trim()) : undefined;
    const postmaster = findPostmaster();
    const targets: Target[] = [
      ...apps.pids.map(([name, pid]) => ({ name, pid })),
      { name: 'bench (startCampaign + planner + monitor)', pid: process.pid },
      ...(kafkaPid ? [{ name: 'kafka broker', pid: kafkaPid }] : []),
      ...(postmaster ? [{ name: 'postgresql (all backends)', pid: postmaster, tree: true }] : []),
    ];
    const cpuBefore = new Map(targets.map((t) => [t.name, cpuOf(t)]));
    const machineBefore = machineBusySeconds();
    const rss = sampleRss(targets);

    const started = Date.now();
    const actor = (tenantId: string) => ({ userId: randomUUID(), email: 'bench@example.test', ip: null, tenantId, role: 'owner' as const });
    await Promise.all(seeded.map((s) => startCampaign(orm.em.fork(), { producer, logger }, actor(s.tenantId), s.campaignId)));
    const startMs = Date.now() - started;
    log(`startCampaign × ${CAMPAIGNS} returned after ${startMs} ms`);

    const at: Record<string, number> = {};
    const mark = (name: string, ok: boolean) => { if (ok && at[name] === undefined) at[name] = (Date.now() - started) / 1000; };
    let lastLine = 0;
    let lastTerminal = 0;
    const final = READS ? 'allRead' : 'allDelivered';
    for (const until = started + Number(args.timeout) * 1000; Date.now() < until; await sleep(250)) {
      const c = await counters(orm.em.fork(), seeded);
      const terminal = c.accepted! + c.sent! + c.delivered! + c.read! + c.failed! + c.skipped!;
      mark('allTerminal', terminal >= TOTAL);
      mark('allDeliveredOrRead', c.delivered! + c.read! >= TOTAL);
      mark('allDelivered', c.delivered! >= TOTAL);
      mark('allRead', c.read! >= TOTAL);
      mark('campaignsCompleted', c.completed === CAMPAIGNS);
      const now = Date.now();
      if (now - lastLine >= 5_000 || at[final] !== undefined) {
        const rate = lastLine ? Math.round(((terminal - lastTerminal) * 1000) / (now - lastLine)) : 0;
        log(`t+${((now - started) / 1000).toFixed(0)} s: pending ${c.pending} queued ${c.queued} sending ${c.sending} retry ${c.retry_wait} | accepted ${c.accepted} sent ${c.sent} delivered ${c.delivered} read ${c.read} failed ${c.failed} | terminal ${terminal}/${TOTAL} (${rate}/s) | completed ${c.completed}/${CAMPAIGNS}`);
        lastLine = now;
        lastTerminal = terminal;
      }
      if (at[final] !== undefined && at.campaignsCompleted !== undefined) break;
      if (c.failed! > 0 && at.allTerminal !== undefined && now - started > at.allTerminal * 1000 + 60_000) break; // failures never reach the final status
    }
    const wall = (Date.now() - started) / 1000;
    const machineCpu = machineBusySeconds() - machineBefore;
    const peaks = rss.stop();
    const processes = targets.map((t) => {
      const cpu = cpuOf(t) - cpuBefore.get(t.name)!;
      return { process: t.name, pid: t.pid, cpuSeconds: round1(cpu), cpuSecondsPer1000Messages: Math.round((cpu / TOTAL) * 1000 * 1000) / 1000, cpuShareOfOneCore: Math.round((cpu / wall) * 100) / 100, peakRssMiB: peaks[t.name] };
    });
    await planner.stop();
    // A run cut by its timeout still has work moving: stop the workers so the recount and the
    // counters describe the same instant.
    if (at[final] === undefined || at.campaignsCompleted === undefined) {
      log('timed out: stopping the sender and the processor before recounting');
      await apps.stopWorkers();
    }

    const check = await recount(orm.em.fork(), seeded);
    const sandbox = await sandboxCheck(orm.em.fork(), apps.sandboxUrl, seeded);
    const terminalStatuses = ['ACCEPTED', 'SENT', 'DELIVERED', 'READ', 'FAILED', 'SKIPPED'];
    const terminalCount = Object.entries(check.byStatus).filter(([s]) => terminalStatuses.includes(s)).reduce((a, [, n]) => a + n, 0);
    Object.assign(report, {
      machine: { ...before, loadavgAfter: machine(root).loadavg },
      startCampaignMs: startMs,
      secondsFromStart: { ...at, wall: round1(wall) },
      achievedMessagesPerSecond: at.allTerminal ? Math.round(TOTAL / at.allTerminal) : null,
      everyMessageTerminal: terminalCount === TOTAL,
      recount: check,
      sandbox,
      ingest: await apps.ingestRequests(),
      processes,
      machineCpuSeconds: round1(machineCpu),
      machineCpuSecondsPer1000Messages: Math.round((machineCpu / TOTAL) * 1000 * 1000) / 1000,
    });
    log(`summary: ${JSON.stringify(report, null, 2)}`);
  } finally {
    await apps?.stop();
    await producer.shutdown().catch(() => undefined);
    await deleteCampaigns(orm.em.fork(), seeded).catch((err: unknown) => log(`cleanup failed: ${String(err)}`));
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    if (topics.length) await admin.deleteTopics({ topics }).catch(() => undefined);
    await admin.disconnect();
    await orm.close(true);
  }
  const out = path.join(root, 'test-output', 'bench');
  mkdirSync(out, { recursive: true });
  const file = path.join(out, `e2e-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  log(`wrote ${path.relative(root, file)}`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
