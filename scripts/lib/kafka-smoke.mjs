#!/usr/bin/env node
// End-to-end check of kafkajs against a real broker: the operations dbulk relies on.
//
//   node scripts/lib/kafka-smoke.mjs            # against $KAFKA_BROKERS (default 127.0.0.1:9092)
//   node scripts/lib/kafka-smoke.mjs --json     # one JSON summary line at the end
//
// Steps: admin createTopics (3 partitions) → createPartitions (4) → idempotence-off producer,
// acks=-1, keyed messages → consumer group with eachBatch, autoCommit off, explicit commit of the
// resolved offsets after each batch → disconnect →
// fetchOffsets / describeGroups → produce more → rejoin the same group and check that only
// the new records arrive (committed offsets honoured) → deleteTopics.
// Exit code 0 = every step passed. Used to choose the pinned Kafka version (docs/adr/0001).
import { randomUUID } from 'node:crypto';
import { loadKafkajs, brokersFromEnv } from './kafkajs.mjs';

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
const { Kafka, logLevel, kafkajsVersion } = loadKafkajs();
const brokers = brokersFromEnv();
const asJson = process.argv.includes('--json');
const run = randomUUID().slice(0, 8);
const topic = `dbulk.smoke.${run}`;
const groupId = `dbulk-smoke-${run}`;
const FIRST = 40;
const SECOND = 10;
const STEP_TIMEOUT_MS = Number(process.env.SMOKE_STEP_TIMEOUT_MS || 30000);

const clientLogs = [];
const kafka = new Kafka({
  clientId: `dbulk-smoke-${run}`,
  brokers,
  connectionTimeout: 5000,
  requestTimeout: 15000,
  retry: { retries: 3, initialRetryTime: 200 },
  logLevel: logLevel.WARN,
  logCreator:
    () =>
    ({ namespace, level, log }) => {
      const { message, error } = log;
      if (level <= logLevel.ERROR) clientLogs.push(`[${namespace}] ${message}${error ? `: ${error}` : ''}`);
    },
});

const results = [];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
function withTimeout(p, ms, what) {
  let t;
  return Promise.race([
    p.finally(() => clearTimeout(t)),
    new Promise((_, rej) => {
      t = setTimeout(() => rej(new Error(`timeout after ${ms} ms: ${what}`)), ms);
    }),
  ]);
}
async function step(name, fn, { informational = false } = {}) {
  const started = Date.now();
  try {
    const detail = await withTimeout(Promise.resolve().then(fn), STEP_TIMEOUT_MS, name);
    results.push({ step: name, ok: true, ms: Date.now() - started, detail });
    if (!asJson) console.log(`  ok   ${name} (${Date.now() - started} ms)${detail ? ` — ${detail}` : ''}`);
    return true;
  } catch (err) {
    const msg = `${err.name}: ${err.message}${err.type ? ` [${err.type}]` : ''}`;
    results.push({ step: name, ok: false, informational, ms: Date.now() - started, error: msg });
    if (!asJson) console.log(`  ${informational ? 'warn' : 'FAIL'} ${name}: ${msg}`);
    return false;
  }
}
function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

const admin = kafka.admin();
const producer = kafka.producer({ idempotent: false, allowAutoTopicCreation: false });
let consumer;

async function consumeUntil(expected, { quietMs = 1500 } = {}) {
  // Joins the group, consumes with eachBatch + manual resolve/commit, returns what arrived.
  const seen = [];
  consumer = kafka.consumer({
    groupId,
    sessionTimeout: 10000,
    heartbeatInterval: 1000,
    rebalanceTimeout: 10000,
    maxWaitTimeInMs: 200,
    allowAutoTopicCreation: false,
  });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  let lastAt = Date.now();
  await consumer.run({
    autoCommit: false,
    eachBatchAutoResolve: false,
    // autoCommit off: commitOffsetsIfNecessary() alone would be a no-op (it only commits when an
    // autoCommit interval/threshold is reached); pass the resolved offsets to commit explicitly.
    eachBatch: async ({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, uncommittedOffsets, isRunning, isStale }) => {
      for (const m of batch.messages) {
        if (!isRunning() || isStale()) break;
        seen.push({ p: batch.partition, o: m.offset, k: m.key?.toString(), v: m.value?.toString() });
        resolveOffset(m.offset);
        await heartbeat();
      }
      await commitOffsetsIfNecessary(uncommittedOffsets());
      lastAt = Date.now();
    },
  });
  const deadline = Date.now() + STEP_TIMEOUT_MS - 2000;
  while (Date.now() < deadline) {
    if (seen.length >= expected && Date.now() - lastAt > quietMs) break;
    await sleep(100);
  }
  await consumer.disconnect();
  return seen;
}

function keyedMessages(n, from) {
  return Array.from({ length: n }, (_, i) => ({
    key: `tenant-${(from + i) % 7}`,
    value: JSON.stringify({ i: from + i, run }),
  }));
}

if (!asJson) console.log(`kafka smoke: kafkajs ${kafkajsVersion} → ${brokers.join(',')} topic=${topic}`);
let ok = await step('admin.connect + describeCluster', async () => {
  await admin.connect();
  const c = await admin.describeCluster();
  return `cluster ${c.clusterId}, ${c.brokers.length} broker(s), controller ${c.controller}`;
});
if (ok) {
  const topicsOk = await step('admin.createTopics (3 partitions)', async () => {
    const created = await admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic, numPartitions: 3, replicationFactor: 1 }],
    });
    assert(created === true, `createTopics returned ${created}`);
    const md = await admin.fetchTopicMetadata({ topics: [topic] });
    const n = md.topics[0].partitions.length;
    assert(n === 3, `expected 3 partitions, metadata says ${n}`);
    return '3 partitions';
  });
  if (topicsOk) {
    await step('admin.createPartitions (3 → 4)', async () => {
      await admin.createPartitions({ topicPartitions: [{ topic, count: 4 }] });
      for (let i = 0; i < 50; i++) {
        const md = await admin.fetchTopicMetadata({ topics: [topic] });
        const n = md.topics[0].partitions.length;
        if (n === 4 && md.topics[0].partitions.every((p) => p.leader >= 0)) return '4 partitions with leaders';
        await sleep(100);
      }
      throw new Error('partition count did not reach 4');
    });
    await step(`producer.send acks=-1, ${FIRST} keyed messages`, async () => {
      await producer.connect();
      const res = await producer.send({ topic, acks: -1, messages: keyedMessages(FIRST, 0) });
      const parts = new Set(res.map((r) => r.partition));
      assert(res.every((r) => r.errorCode === 0), `produce errors: ${JSON.stringify(res)}`);
      return `acked on partitions ${[...parts].sort().join(',')}`;
    });
    await step(`consumer group eachBatch + commit (${FIRST} messages)`, async () => {
      const seen = await consumeUntil(FIRST);
      assert(seen.length === FIRST, `received ${seen.length} of ${FIRST}`);
      const perKey = new Map();
      for (const m of seen) {
        const prev = perKey.get(m.k);
        if (prev !== undefined) assert(prev === m.p, `key ${m.k} seen on two partitions`);
        perKey.set(m.k, m.p);
      }
      return `${seen.length} received, ${perKey.size} keys each on one partition`;
    });
    await step('admin.fetchOffsets (committed = produced)', async () => {
      const res = await admin.fetchOffsets({ groupId, topics: [topic] });
      const parts = res[0].partitions;
      const sum = parts.reduce((s, p) => s + Math.max(0, Number(p.offset)), 0);
      assert(sum === FIRST, `committed offsets sum to ${sum}, expected ${FIRST}: ${JSON.stringify(parts)}`);
      return parts.map((p) => `${p.partition}:${p.offset}`).join(' ');
    });
    await step('admin.describeGroups', async () => {
      const { groups } = await admin.describeGroups([groupId]);
      assert(groups.length === 1 && groups[0].errorCode === 0, JSON.stringify(groups));
      return `state ${groups[0].state}, protocol ${groups[0].protocolType}/${groups[0].protocol || '-'}`;
    });
    await step(`produce ${SECOND} more, rejoin group: only new ones arrive`, async () => {
      await producer.send({ topic, acks: -1, messages: keyedMessages(SECOND, FIRST) });
      const seen = await consumeUntil(SECOND, { quietMs: 2500 });
      const idx = seen.map((m) => JSON.parse(m.v).i);
      const redelivered = idx.filter((i) => i < FIRST);
      assert(redelivered.length === 0, `redelivered ${redelivered.length} already-committed records`);
      assert(seen.length === SECOND, `received ${seen.length} of ${SECOND}`);
      return `${seen.length} new, 0 redelivered`;
    });
    await step('admin.listGroups + deleteGroups', async () => {
      const { groups } = await admin.listGroups();
      assert(groups.some((g) => g.groupId === groupId), 'group missing from listGroups');
      await admin.deleteGroups([groupId]);
      return `${groups.length} group(s) listed`;
    });
    await step('idempotent producer (informational)', async () => {
      // not required by dbulk today; recorded so the ADR can say whether it works
      const idem = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
      try {
        await idem.connect();
        const res = await idem.send({ topic, acks: -1, messages: keyedMessages(5, 1000) });
        return `acked ${res.length} partition result(s)`;
      } finally {
        await idem.disconnect();
      }
    }, { informational: true });
    await step('admin.deleteTopics', async () => {
      await admin.deleteTopics({ topics: [topic], timeout: 10000 });
      for (let i = 0; i < 50; i++) {
        if (!(await admin.listTopics()).includes(topic)) return 'gone';
        await sleep(100);
      }
      throw new Error('topic still listed');
    });
  }
}
await Promise.allSettled([producer.disconnect(), admin.disconnect(), consumer?.disconnect()]);

const failed = results.filter((r) => !r.ok && !r.informational);
const summary = { kafkajs: kafkajsVersion, brokers, passed: results.length - failed.length, failed: failed.length, results, clientErrors: [...new Set(clientLogs)].slice(0, 20) };
if (asJson) console.log(JSON.stringify(summary));
else {
  if (summary.clientErrors.length) console.log(`  kafkajs error logs:\n    ${summary.clientErrors.join('\n    ')}`);
  console.log(failed.length ? `kafka smoke: ${failed.length} step(s) FAILED` : `kafka smoke: all ${results.length} steps passed`);
}
process.exit(failed.length ? 1 : 0);
