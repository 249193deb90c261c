import { createWorld, deleteWorlds, envelope, messagesValue, status, uniqueDigits, type TestWorld } from '@dbulk/domain-webhooks/testing';
import { runClosers } from '@dbulk/lifecycle';
import { testBrokers, testLogger, uniqueName, waitFor } from '@dbulk/kafka/testing';
import { testStack } from '@dbulk/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './commands';
import type { Processor } from './processor';
import { createStack, deliver, readDlq, sql, startProcessor, type Stack } from './test/harness';

let stack: Stack;
let shared: Processor;
let query: ReturnType<typeof sql>;
const worlds: TestWorld[] = [];

beforeAll(async () => {
  stack = await createStack('replay');
  query = sql(stack);
  shared = await startProcessor(stack);
});

afterAll(async () => {
  await runClosers(shared.closers(), { logger: testLogger() });
  await deleteWorlds(stack.orm.em, worlds);
  await stack.close();
});

async function world(options: Parameters<typeof createWorld>[1] = {}) {
  const w = await createWorld(stack.orm.em, { templates: false, ...options });
  worlds.push(w);
  return w;
}

async function cli(argv: string[], groupPurpose?: string) {
  const out: string[] = [];
  const err: string[] = [];
  const env = { KAFKA_BROKERS: testBrokers().join(','), KAFKA_TOPIC_PREFIX: stack.prefix, DATABASE_URL: testStack().databaseUrl, LOG_LEVEL: 'error' };
  const code = await runCli(argv, { out: (t) => void out.push(t), err: (t) => void err.push(t), env, ...(groupPurpose ? { groupPurpose } : {}) });
  return { code, out, err };
}

const statusBody = (wabaId: string, phone: string, wamid: string, extra: unknown[] = []) =>
  envelope(wabaId, [messagesValue(phone, { statuses: [status(wamid, 'sent', 1767264305), ...extra] })]);

describe('dead letters, replays, retention and shutdown', () => {
  it('dead-letters an unparseable record with its error, and replay-dlq puts it back once', async () => {
    const w = await world();
    const dlq = await readDlq(stack);
    const notJson = `{"object":"whatsapp_business_account","entry":[ ${w.wamidTag}`;
    await deliver(stack, [{ body: notJson, key: w.phoneNumberId }]);
    await stack.producer.sendRaw('dbulk.webhooks', [{ key: w.phoneNumberId, value: 'not a webhook record' }]);
    // A record with one good and one broken status: the good one applies, the broken one is dead-lettered alone.
    const mixed = statusBody(w.wabaId, w.phoneNumberId, `wamid.${w.wamidTag}.ok`, [{ status: 'read', recipient_id: '1' }]);
    await deliver(stack, [{ body: mixed, key: w.phoneNumberId }]);

    await waitFor(() => dlq.records.length >= 3, { what: 'three dead letters', timeoutMs: 15_000 });
    // Order within a chunk is not guaranteed: the handler dead-letters failed changes before the consumer dead-letters undecodable records.
    const byCode = (code: string) => dlq.records.find((r) => r.value.error.code === code)?.value;
    const [unparseable, undecodable, partial] = ['WEBHOOK_UNPARSEABLE', 'RECORD_NOT_JSON', 'WEBHOOK_CHANGES_FAILED'].map(byCode);
    expect(unparseable).toMatchObject({ key: w.phoneNumberId, groupId: expect.stringMatching(/^processor\./), error: { code: 'WEBHOOK_UNPARSEABLE', message: expect.stringContaining('webhook body is not JSON') } });
    expect(JSON.parse(unparseable!.value!)).toMatchObject({ body: notJson });
    expect(undecodable).toMatchObject({ value: 'not a webhook record', error: { code: 'RECORD_NOT_JSON' } });
    expect(partial).toMatchObject({ error: { code: 'WEBHOOK_CHANGES_FAILED', message: expect.stringMatching(/^1 of 2 change\(s\) .* invalid messages change: id: /) } });
    expect(await query(`select status from message_events where wamid = ?`, [`wamid.${w.wamidTag}.ok`])).toEqual([{ status: 'sent' }]);
    const failed = await query<{ kind: string; error: string }>(`select kind, error from webhook_events where outcome = 'failed' and (waba_id = ? or payload->>'preview' = ?) order by id`, [w.wabaId, notJson]);
    expect(failed.map((f) => f.kind)).toEqual(['unparseable', 'invalid']);

    const groupPurpose = uniqueName('replay-dlq');
    stack.groups.push(`processor.${groupPurpose}`);
    const dry = await cli(['replay-dlq', '--dry-run'], groupPurpose);
    expect(dry.out.at(-1)).toBe(`done: would replay 3 record(s) to ${stack.prefix}dbulk.webhooks, skipped 0 (dry run)`);

    const first = await cli(['replay-dlq'], groupPurpose);
    expect(first.code).toBe(0);
    expect(first.out.filter((line) => line.startsWith('replayed '))).toHaveLength(3);
    expect(first.out.at(-1)).toBe(`done: replayed 3 record(s) to ${stack.prefix}dbulk.webhooks, skipped 0`);
    // Back on dbulk.webhooks as they were: still broken, so dead-lettered again (nothing is dropped);
    // the partial record's good status is a duplicate this time.
    await waitFor(() => dlq.records.length >= 6, { what: 'the replayed records to be processed again', timeoutMs: 15_000 });
    expect(dlq.records.slice(3).map((r) => [r.value.error.code, r.value.headers?.['replayed-from']]).sort()).toEqual([
      ['RECORD_NOT_JSON', expect.stringContaining('dbulk.webhooks.dlq')],
      ['WEBHOOK_CHANGES_FAILED', expect.stringContaining('dbulk.webhooks.dlq')],
      ['WEBHOOK_UNPARSEABLE', expect.stringContaining('dbulk.webhooks.dlq')],
    ]);
    expect(await query(`select count(*)::int as n from message_events where wamid = ?`, [`wamid.${w.wamidTag}.ok`])).toEqual([{ n: 1 }]);

    const second = await cli(['replay-dlq', '--limit', '1'], groupPurpose);
    expect(second.out.at(-1)).toBe(`done: replayed 1 record(s) to ${stack.prefix}dbulk.webhooks, skipped 0`);
    expect(second.out[0]).toMatch(/^replayed \S+dbulk\.webhooks\.dlq\[0\]@3 /);
    await dlq.close();
  });

  it('records an unroutable change, and replay-unroutable applies it once the number is connected', async () => {
    const wabaId = uniqueDigits(15);
    const phone = uniqueDigits(15);
    const wamid = `wamid.${uniqueDigits(8)}.unroutable`;
    await deliver(stack, [{ body: statusBody(wabaId, phone, wamid), key: phone }]);
    const row = () => query<{ outcome: string; error: string | null; tenant_id: string | null }>(`select outcome, error, tenant_id from webhook_events where dedupe_key = ?`, [`status:${wamid}:sent`]);
    await waitFor(async () => (await row()).length === 1, { what: 'the unroutable row' });
    expect(await row()).toEqual([{ outcome: 'unroutable', error: `phone number id ${phone} is not connected and no live WhatsApp account has WABA ${wabaId}`, tenant_id: null }]);

    const nothing = await cli(['replay-unroutable', '--since', '1h']);
    expect(nothing.out.filter((line) => line.includes(wamid))).toEqual([]);

    const w = await world({ wabaId, phoneNumberId: phone });
    const replay = await cli(['replay-unroutable', '--since', '1h']);
    expect(replay.code).toBe(0);
    expect(replay.out).toContainEqual(expect.stringMatching(new RegExp(`^replayed webhook_events#\\d+ status:${wamid.replaceAll('.', '\\.')}:sent → tenant ${w.tenantId}$`)));
    await waitFor(async () => (await row())[0]?.outcome === 'applied', { what: 'the replayed change to apply', timeoutMs: 15_000 });
    expect(await row()).toEqual([{ outcome: 'applied', error: null, tenant_id: w.tenantId }]);
    expect(await query(`select tenant_id, status from message_events where wamid = ?`, [wamid])).toEqual([{ tenant_id: w.tenantId, status: 'sent' }]);
    const again = await cli(['replay-unroutable', '--since', '1h']);
    expect(again.out.filter((line) => line.includes(wamid))).toEqual([]);
  });

  it('finishes and commits the chunk in flight on shutdown, then leaves the group', async () => {
    const own = await createStack('shutdown');
    try {
      const w = await world();
      // Records already on the topic, so the first chunk holds them all; shutdown starts as it does.
      await deliver(own, Array.from({ length: 40 }, (_, i) => ({ body: statusBody(w.wabaId, w.phoneNumberId, `wamid.${w.wamidTag}.${i}`), key: w.phoneNumberId })));
      let shutdown: Promise<boolean> | undefined;
      let chunk = 0;
      const started: { processor?: Processor } = {};
      const p = await startProcessor(own, {
        onChunk: async (records) => {
          chunk = records.length;
          const self = await waitFor(() => started.processor, { what: 'the processor to have started' });
          shutdown ??= runClosers(self.closers(), { logger: testLogger() });
          // Still working on the chunk while the shutdown waits for it.
          await new Promise((resolve) => setTimeout(resolve, 300));
        },
      });
      started.processor = p;
      expect(await waitFor(() => shutdown, { what: 'the shutdown to start' })).toBe(true);
      expect(chunk).toBe(40);
      expect(p.consumer.health().connected).toBe(false);
      expect(await query(`select count(*)::int as n from message_events where wamid like ?`, [`wamid.${w.wamidTag}.%`])).toEqual([{ n: 40 }]);
      const [committed] = await own.admin.fetchOffsets({ groupId: p.consumer.groupId, topics: [`${own.prefix}dbulk.webhooks`] });
      expect(committed!.partitions).toEqual([expect.objectContaining({ partition: 0, offset: '40' })]);
    } finally {
      await own.close();
    }
  });

  it('deletes webhook events past the retention and keeps the dedupe window', async () => {
    const p = shared;
    const w = await world();
    const insert = (key: string, daysAgo: number) =>
      query(
        `insert into webhook_events (dedupe_key, waba_id, field, kind, payload, received_at, outcome) values (?, ?, 'messages', 'status.sent', '{}', now() - make_interval(days => ?), 'applied')`,
        [key, w.wabaId, daysAgo],
      );
    await insert(`retention:${w.wamidTag}:old`, 31);
    await insert(`retention:${w.wamidTag}:week`, 8);
    await p.retention.runOnce();
    const kept = await query<{ dedupe_key: string }>(`select dedupe_key from webhook_events where dedupe_key like ? order by dedupe_key`, [`retention:${w.wamidTag}:%`]);
    expect(kept).toEqual([{ dedupe_key: `retention:${w.wamidTag}:week` }]);
  });
});
