import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { signPayload } from '@dbulk/meta';
import { createTestTopics, deleteTestTopics, testBrokers, testKafka, uniqueTopicPrefix, waitFor } from '@dbulk/kafka/testing';
import type { KafkaAdmin } from '@dbulk/kafka';
import { createLogger } from '@dbulk/logger';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixtures, signed } from './test/fixtures';
import { APP_SECRET, VERIFY_TOKEN } from './test/harness';
import { KafkaGate } from './test/kafka-gate';
import { readBack, startIngest, type RunningIngest } from './test/stack';

const PATH = '/webhooks/whatsapp';
let admin: KafkaAdmin;
const prefixes: string[] = [];
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  admin = testKafka().admin();
  await admin.connect();
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  for (const prefix of prefixes) await deleteTestTopics(admin, prefix);
  await admin.disconnect();
});

/** One partition, so "the marker was read" means everything produced before it was read too. */
async function topics(label: string): Promise<string> {
  const prefix = uniqueTopicPrefix(label);
  prefixes.push(prefix);
  await createTestTopics(admin, prefix, ['dbulk.webhooks', 'dbulk.webhooks.dlq'], { partitions: 1 });
  return prefix;
}

const post = (base: string, body: Buffer | string, headers: Record<string, string> = signed(APP_SECRET, body)) =>
  fetch(`${base}${PATH}`, { method: 'POST', body, headers });

/** A valid status webhook whose body is unique to this call, so it can be found on the topic. */
function marker(phoneNumberId = '301500000000111') {
  const nonce = randomUUID();
  const body = JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: '213900000000101', changes: [{ field: 'messages', value: { metadata: { phone_number_id: phoneNumberId }, statuses: [{ id: `wamid.${nonce}`, status: 'sent' }] } }] }],
  });
  return { nonce, body };
}

describe('ingest against the stack broker', () => {
  let ingest: RunningIngest;
  let read: Awaited<ReturnType<typeof readBack>>;

  beforeAll(async () => {
    const prefix = await topics('ingest');
    ingest = await startIngest(prefix);
    read = await readBack(prefix);
    cleanups.push(() => ingest.close(), () => read.close(admin));
  });

  const readBody = (body: string) => waitFor(() => read.records.find((r) => r.value.body === body), { what: 'the record on the topic', timeoutMs: 20_000 });

  it('answers 200 for every shared fixture only with its exact bytes on dbulk.webhooks under the right key', async () => {
    const fixtures = loadFixtures();
    for (const fixture of fixtures) {
      const response = await post(ingest.url, fixture.body);
      expect(response.status, fixture.name).toBe(200);
    }
    for (const fixture of fixtures) {
      const record = await readBody(fixture.body.toString('utf8'));
      const entry = (fixture.parsed as { entry: { id: string; changes: { value: { metadata?: { phone_number_id: string } } }[] }[] }).entry[0]!;
      const phone = entry.changes[0]!.value.metadata?.phone_number_id;
      expect(record.key, fixture.name).toBe(phone ?? entry.id);
      expect(record.value.phoneNumberId, fixture.name).toBe(phone);
      expect(Buffer.from(record.value.body, 'utf8').equals(fixture.body), fixture.name).toBe(true);
      expect(record.value.headers, fixture.name).toMatchObject({ 'x-hub-signature-256': signPayload(APP_SECRET, fixture.body), 'content-type': 'application/json' });
      expect(record.schemaVersion).toBe(1);
      expect(Date.parse(record.value.receivedAt)).toBeGreaterThan(Date.now() - 120_000);
    }
  });

  it('answers 401 to a missing, wrong or sha1= signature and produces nothing', async () => {
    const refused = [marker(), marker(), marker(), marker()];
    const [missing, wrong, sha1, otherSecret] = refused.map((m) => m.body) as [string, string, string, string];
    const json = { 'content-type': 'application/json' };
    const good = signPayload(APP_SECRET, sha1);
    expect((await post(ingest.url, missing, json)).status).toBe(401);
    expect((await post(ingest.url, wrong, { ...json, 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` })).status).toBe(401);
    expect((await post(ingest.url, sha1, { ...json, 'x-hub-signature-256': good.replace('sha256=', 'sha1=') })).status).toBe(401);
    expect((await post(ingest.url, otherSecret, signed('not-the-app-secret', otherSecret))).status).toBe(401);

    const after = marker();
    expect((await post(ingest.url, after.body)).status).toBe(200);
    await readBody(after.body);
    for (const { nonce } of refused) expect(read.records.some((r) => r.value.body.includes(nonce))).toBe(false);
  });

  it('answers 413 to a body over the limit, counted as it streams, and produces nothing', async () => {
    const big = marker();
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request(`${ingest.url}${PATH}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${'a'.repeat(64)}` } });
      request.on('response', (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on('error', reject);
      // Chunked, no Content-Length: the limit can only be enforced by counting.
      request.write(big.body.slice(0, -1));
      const chunk = Buffer.alloc(256 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < 4 * 1024 * 1024) {
          sent += chunk.length;
          if (!request.write(chunk)) return void request.once('drain', pump);
        }
        request.end('}');
      };
      pump();
    });
    expect(status).toBe(413);
    const after = marker();
    expect((await post(ingest.url, after.body)).status).toBe(200);
    await readBody(after.body);
    expect(read.records.some((r) => r.value.body.includes(big.nonce))).toBe(false);
  });

  it('answers the verification handshake only with the right token', async () => {
    const ok = await fetch(`${ingest.url}${PATH}?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=8675309`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('8675309');
    const bad = await fetch(`${ingest.url}${PATH}?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=8675309`);
    expect(bad.status).toBe(403);
  });

  it('takes a 3 MB webhook (Meta\'s largest) to the topic', async () => {
    const { nonce } = marker();
    const statuses = Array.from({ length: 6_500 }, (_, i) => ({ id: `wamid.${nonce}.${i}`, status: 'delivered', timestamp: '1767264305', recipient_id: '15550198762', biz_opaque_callback_data: 'x'.repeat(320) }));
    const body = JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: '213900000000101', changes: [{ field: 'messages', value: { metadata: { phone_number_id: '301500000000111' }, statuses } }] }] });
    expect(body.length).toBeGreaterThan(2_900_000);
    const response = await post(ingest.url, body);
    expect(response.status, 'dbulk.webhooks needs max.message.bytes above 1 MiB (packages/kafka/src/topics.ts)').toBe(200);
    await readBody(body);
  });

  it('reports ready and counts outcomes in /metrics', async () => {
    expect((await fetch(`${ingest.url}/readyz`)).status).toBe(200);
    const metrics = await (await fetch(`${ingest.url}/metrics`)).text();
    expect(metrics).toMatch(/ingest_webhook_requests_total\{route="event",status="200",reason="ok"\} \d+/);
    expect(metrics).toMatch(/ingest_webhook_requests_total\{route="event",status="401",reason="missing_signature"\} 1/);
    expect(metrics).toMatch(/ingest_kafka_batch_records_count \d+/);
  });
});

describe('ingest when Kafka goes away (through a gate in front of the stack broker)', () => {
  let gate: KafkaGate;
  let ingest: RunningIngest;
  let read: Awaited<ReturnType<typeof readBack>>;

  beforeAll(async () => {
    const prefix = await topics('outage');
    gate = new KafkaGate(testBrokers());
    await gate.start();
    // kafkajs logs every refused connection as an error: expected here, so the app stays quiet.
    const quiet = createLogger({ name: 'ingest-outage', level: 'silent' });
    ingest = await startIngest(prefix, { KAFKA_BROKERS: gate.brokers.join(','), INGEST_ACK_TIMEOUT_MS: '1000' }, quiet);
    read = await readBack(prefix);
    cleanups.push(() => gate.close(), () => ingest.close(), () => read.close(admin));
  });

  async function until200(body: string) {
    const started = Date.now();
    for (;;) {
      const response = await post(ingest.url, body);
      if (response.status === 200) return Date.now() - started;
      expect(response.status).toBe(503);
      if (Date.now() - started > 30_000) throw new Error('ingest did not recover within 30 s of Kafka coming back');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  it('produces through the gate while Kafka is up', async () => {
    const m = marker();
    expect((await post(ingest.url, m.body)).status).toBe(200);
    await waitFor(() => read.records.find((r) => r.value.body === m.body), { what: 'the record', timeoutMs: 20_000 });
    expect(gate.rewrites).toBeGreaterThan(0);
  });

  it('answers 503 with Retry-After while Kafka refuses connections, then 200 once it is back', async () => {
    await gate.down('refuse');
    const during = marker();
    const started = Date.now();
    const response = await post(ingest.url, during.body);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(Date.now() - started).toBeLessThan(3_000);
    expect((await fetch(`${ingest.url}/readyz`)).status).toBe(503);

    await gate.up();
    const after = marker();
    await until200(after.body);
    await waitFor(() => read.records.find((r) => r.value.body === after.body), { what: 'the record after recovery', timeoutMs: 20_000 });
    await waitFor(async () => (await fetch(`${ingest.url}/readyz`)).status === 200, { what: 'ready again' });
  });

  it('answers 503 within the ack timeout while Kafka hangs, then 200 once it answers again', async () => {
    await gate.down('blackhole');
    const started = Date.now();
    const response = await post(ingest.url, marker().body);
    expect(response.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(3_000);

    await gate.up();
    const after = marker();
    await until200(after.body);
    await waitFor(() => read.records.find((r) => r.value.body === after.body), { what: 'the record after recovery', timeoutMs: 20_000 });
  });
});
