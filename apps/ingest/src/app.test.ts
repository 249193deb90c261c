import type { RawProduceRecord } from '@dbulk/kafka';
import { WebhookRecord } from '@dbulk/kafka';
import { signPayload } from '@dbulk/meta';
import { afterEach, describe, expect, it } from 'vitest';
import type { IngestApp } from './app';
import { loadFixtures, signed } from './test/fixtures';
import { APP_SECRET, appWith, VERIFY_TOKEN, type SendFn } from './test/harness';

const apps: IngestApp[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

/** A producer that records what it was given and acknowledges at once (or as told). */
function recorder(behaviour: (records: RawProduceRecord[]) => Promise<unknown> = async () => undefined) {
  const produced: RawProduceRecord[] = [];
  const send: SendFn = async (records) => {
    await behaviour(records);
    produced.push(...records);
  };
  return { produced, send };
}

async function start(send: SendFn, ...rest: Parameters<typeof appWith> extends [SendFn, ...infer R] ? R : never) {
  const built = await appWith(send, ...rest);
  apps.push(built.app);
  return built;
}

const post = (app: IngestApp, body: Buffer | string, headers: Record<string, string> = signed(APP_SECRET, body)) =>
  app.inject({ method: 'POST', url: '/webhooks/whatsapp', payload: body, headers });

const metricLine = async (app: IngestApp, pattern: RegExp) =>
  (await app.inject({ method: 'GET', url: '/metrics' })).body.split('\n').filter((line) => pattern.test(line));

describe('POST /webhooks/whatsapp', () => {
  it('answers 200 for every fixture and produces its exact bytes, keyed by phone number or WABA', async () => {
    const { produced, send } = recorder();
    const { app } = await start(send);
    for (const fixture of loadFixtures()) {
      const response = await post(app, fixture.body);
      expect(response.statusCode, fixture.name).toBe(200);
      const record = produced.at(-1)!;
      const value = WebhookRecord.parse(JSON.parse(record.value as string));
      expect(value.body, fixture.name).toBe(fixture.body.toString('utf8'));
      expect(value.headers['x-hub-signature-256']).toBe(signPayload(APP_SECRET, fixture.body));
      expect(record.key, fixture.name).toBe(value.phoneNumberId ?? (fixture.parsed as { entry: { id: string }[] }).entry[0]!.id);
    }
    expect(produced).toHaveLength(loadFixtures().length);
  });

  it.each([
    ['missing', {}],
    ['wrong', { 'x-hub-signature-256': signPayload('another-secret', '{"object":"x","entry":[]}') }],
    ['sha1-prefixed', { 'x-hub-signature-256': signPayload(APP_SECRET, '{"object":"x","entry":[]}').replace('sha256=', 'sha1=') }],
    ['truncated', { 'x-hub-signature-256': signPayload(APP_SECRET, '{"object":"x","entry":[]}').slice(0, -2) }],
  ])('refuses a %s signature with 401 and produces nothing', async (_label, headers) => {
    const { produced, send } = recorder();
    const { app } = await start(send);
    const response = await post(app, '{"object":"x","entry":[]}', { 'content-type': 'application/json', ...headers });
    expect(response.statusCode).toBe(401);
    expect(produced).toEqual([]);
  });

  it('checks the signature over the bytes received, not a re-serialised JSON', async () => {
    const { produced, send } = recorder();
    const { app } = await start(send);
    const body = '{ "object" : "whatsapp_business_account", "entry" : [ ] , "x":"\\u00e9" }';
    expect((await post(app, body)).statusCode).toBe(200);
    expect(JSON.parse(produced[0]!.value as string).body).toBe(body);
    const reformatted = JSON.stringify(JSON.parse(body));
    expect((await post(app, reformatted, signed(APP_SECRET, body))).statusCode).toBe(401);
  });

  it('answers 413 above the body limit without producing', async () => {
    const { produced, send } = recorder();
    const { app } = await start(send, {}, 1_024);
    const body = JSON.stringify({ object: 'x', entry: [], pad: 'x'.repeat(2_000) });
    const response = await post(app, body);
    expect(response.statusCode).toBe(413);
    expect(produced).toEqual([]);
  });

  it('refuses a correctly signed body that is not JSON with 400', async () => {
    const { produced, send } = recorder();
    const { app } = await start(send);
    for (const body of ['not json', '', Buffer.from([0x7b, 0xff, 0x7d])]) {
      expect((await post(app, body)).statusCode).toBe(400);
    }
    expect(produced).toEqual([]);
  });

  it('produces a correctly signed JSON that is not the usual envelope, keyed "unknown", so nothing signed is dropped', async () => {
    const { produced, send } = recorder();
    const { app } = await start(send);
    expect((await post(app, '{"hello":"world"}', { ...signed(APP_SECRET, '{"hello":"world"}'), 'content-type': 'text/plain' })).statusCode).toBe(200);
    expect(produced.map((r) => r.key)).toEqual(['unknown']);
  });

  it('answers 503 with Retry-After when Kafka refuses the batch', async () => {
    const { send } = recorder(async () => {
      throw Object.assign(new Error('broker down'), { code: 'KAFKA_PRODUCE_FAILED' });
    });
    const { app } = await start(send);
    const response = await post(app, '{"object":"x","entry":[]}');
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('2');
  });

  it('answers 503 when Kafka does not acknowledge in time', async () => {
    const { app } = await start(() => new Promise(() => {}), { timeoutMs: 50 });
    const started = Date.now();
    const response = await post(app, '{"object":"x","entry":[]}');
    expect(response.statusCode).toBe(503);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await metricLine(app, /^ingest_webhook_requests_total\{.*status="503"/)).toEqual([
      'ingest_webhook_requests_total{route="event",status="503",reason="timeout"} 1',
    ]);
  });

  it('never answers before the acknowledgement: the response waits for the slow producer', async () => {
    let ack!: () => void;
    const acked = new Promise<void>((resolve) => (ack = resolve));
    let ackedAt = 0;
    const { app } = await start(async () => {
      await acked;
      ackedAt = performance.now();
    });
    const answered = post(app, '{"object":"x","entry":[]}').then((response) => ({ response, at: performance.now() }));
    const first = await Promise.race([answered, new Promise((resolve) => setTimeout(resolve, 200, 'still waiting'))]);
    expect(first).toBe('still waiting');
    ack();
    const { response, at } = await answered;
    expect(response.statusCode).toBe(200);
    expect(at).toBeGreaterThanOrEqual(ackedAt);
  });

  it('answers 503 at once when too much is already waiting for Kafka (backpressure)', async () => {
    let handedOver!: () => void;
    const waiting = new Promise<void>((resolve) => (handedOver = resolve));
    const { app } = await start(
      () => {
        handedOver();
        return new Promise(() => {});
      },
      { maxPendingRecords: 1, timeoutMs: 5_000 },
    );
    const first = post(app, '{"object":"x","entry":[]}');
    // The first record is waiting for Kafka once it has been handed to the producer.
    await waiting;
    const second = await post(app, '{"object":"x","entry":[]}');
    expect(second.statusCode).toBe(503);
    expect(await metricLine(app, /reason="backpressure"/)).toHaveLength(1);
    void first;
  });

  it('batches concurrent requests into one send', async () => {
    const batches: number[] = [];
    const { app } = await start(async (records) => void batches.push(records.length), { lingerMs: 20 });
    const responses = await Promise.all(loadFixtures().map((fixture) => post(app, fixture.body)));
    expect(responses.map((r) => r.statusCode)).toEqual(responses.map(() => 200));
    expect(batches).toEqual([responses.length]);
  });
});

describe('GET /webhooks/whatsapp', () => {
  it('echoes the challenge as text/plain when the verify token matches', async () => {
    const { app } = await start(recorder().send);
    const response = await app.inject({
      method: 'GET',
      url: `/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('1158201444');
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
  });

  it('refuses a wrong token with 403', async () => {
    const { app } = await start(recorder().send);
    const response = await app.inject({ method: 'GET', url: '/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1' });
    expect(response.statusCode).toBe(403);
    expect(response.body).not.toContain('1');
  });
});

describe('probes', () => {
  it('answers /healthz, /readyz and /metrics', async () => {
    const { app } = await start(recorder().send);
    expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/readyz' })).json()).toEqual({ ready: true, kafka: 'up', accepting: true });
    await post(app, '{"object":"x","entry":[]}');
    const metrics = (await app.inject({ url: '/metrics' })).body;
    for (const name of ['ingest_webhook_requests_total', 'ingest_kafka_produce_duration_seconds', 'ingest_kafka_batch_records', 'ingest_pending_records']) {
      expect(metrics).toContain(name);
    }
  });
});
