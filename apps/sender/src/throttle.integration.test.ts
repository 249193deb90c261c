import { waitFor } from '@dbulk/kafka/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignState, createStack, sandboxCounts, seedCampaign, startWorker, type Seeded, type Stack } from './test/harness';

let stack: Stack;

// One partition: both tenants' records are consumed by the same member, one chunk after another.
beforeAll(async () => {
  stack = await createStack('sender-throttle', { partitions: 1 });
  await startWorker(stack, { PLANNER_ENABLED: 'true' });
}, 60_000);

afterAll(async () => stack?.close(), 60_000);

const accepted = async (s: Seeded) => (await campaignState(stack, s.campaignId)).recount.ACCEPTED ?? 0;

describe('throttling by Meta', () => {
  it('halves the rate on 130429, adapts, persists it, and fails no message for it', async () => {
    // dbulk believes 80/s; the sandbox number allows 20/s (a coexistence number).
    const s = await seedCampaign(stack, { count: 300, level: 'COEXISTENCE', throughputMps: 80 });
    await waitFor(async () => (await accepted(s)) === 300, { timeoutMs: 60_000, intervalMs: 250, what: 'every message accepted' });

    const state = await campaignState(stack, s.campaignId);
    expect(state.recount.FAILED ?? 0).toBe(0);
    expect(state.countersMatch).toBe(true);
    const retried = await stack.sql<{ n: string }>(`select count(*)::text as n from campaign_messages where campaign_id = ? and attempts > 1`, [s.campaignId]);
    expect(Number(retried[0]!.n)).toBeGreaterThan(0);
    const [rate] = await stack.sql<{ rate: number; last_throttled_at: Date | null }>(`select rate, last_throttled_at from send_rates where phone_number_id = ?`, [s.phoneNumberId]);
    expect(rate!.last_throttled_at).not.toBeNull();
    expect(Number(rate!.rate)).toBeLessThanOrEqual(40);
    const counts = await sandboxCounts(stack);
    expect(s.phones.every((p) => counts.get(p.slice(1)) === 1)).toBe(true);
  }, 90_000);

  it('a throttled tenant does not slow another tenant on the same partition', async () => {
    const slow = await seedCampaign(stack, { count: 600, level: 'COEXISTENCE', throughputMps: 80 });
    const fast = await seedCampaign(stack, { count: 400, level: 'STANDARD', throughputMps: 80 });
    const started = Date.now();
    await waitFor(async () => (await accepted(fast)) === 400, { timeoutMs: 30_000, intervalMs: 200, what: 'the unthrottled tenant done' });
    const fastSeconds = (Date.now() - started) / 1_000;
    const slowDone = await accepted(slow);
    // Blocked behind the throttled tenant, 400 would go at its ~20/s: 20 s from first to last.
    // At its own 80/s they take 5 s; allow for the outcome writes' 250 ms and a loaded machine.
    const [span] = await stack.sql<{ seconds: number }>(
      `select extract(epoch from max(accepted_at) - min(accepted_at))::float8 as seconds from campaign_messages where campaign_id = ?`,
      [fast.campaignId],
    );
    expect(span!.seconds).toBeLessThan(8);
    expect(fastSeconds).toBeLessThan(20);
    expect(slowDone).toBeLessThan(600);
    await waitFor(async () => (await accepted(slow)) === 600, { timeoutMs: 90_000, intervalMs: 500, what: 'the throttled tenant done' });
    expect((await campaignState(stack, slow.campaignId)).recount.FAILED ?? 0).toBe(0);
  }, 150_000);
});
