import { randomUUID } from 'node:crypto';
import { controlCampaign } from '@dbulk/domain-campaigns';
import { setKillSwitch } from '@dbulk/domain-platform';
import { waitFor } from '@dbulk/kafka/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignState, createStack, sandboxCounts, seedCampaign, startWorker, type Seeded, type Stack } from './test/harness';
import { sandboxSends, sleep } from './test/sandbox-sends';

let stack: Stack;

beforeAll(async () => {
  stack = await createStack('sender-control');
  await startWorker(stack, { PLANNER_ENABLED: 'true' });
}, 60_000);

afterAll(async () => stack?.close(), 60_000);

const accepted = async (s: Seeded) => (await campaignState(stack, s.campaignId)).recount.ACCEPTED ?? 0;
const actor = (s: Seeded) => ({ userId: randomUUID(), email: 'owner@example.test', ip: null, tenantId: s.tenantId, role: 'owner' as const });

async function expectAllSentOnce(s: Seeded) {
  await waitFor(async () => (await accepted(s)) === s.phones.length, { timeoutMs: 40_000, what: 'every message accepted' });
  const counts = await sandboxCounts(stack);
  expect(s.phones.map((p) => counts.get(p.slice(1)) ?? 0).every((n) => n === 1)).toBe(true);
  const state = await campaignState(stack, s.campaignId);
  expect(state.countersMatch).toBe(true);
}

describe('stops take effect within a second and lose nothing', () => {
  it('pausing mid-campaign stops sends within 1 s; resuming finishes the rest exactly once', async () => {
    const s = await seedCampaign(stack, { count: 800 });
    await waitFor(async () => (await accepted(s)) >= 120, { timeoutMs: 20_000, what: 'sending under way' });

    await controlCampaign(stack.orm.em.fork(), { producer: stack.producer }, actor(s), s.campaignId, 'pause');
    const pausedAt = Date.now();
    await sleep(2_500);
    const sends = await sandboxSends(stack, s.phoneNumberId);
    const last = sends.at(-1)!.at;
    expect(last - pausedAt).toBeLessThan(1_000);
    expect(sends.length).toBeLessThan(800);

    await waitFor(async () => {
      const { recount } = await campaignState(stack, s.campaignId);
      return !recount.QUEUED && !recount.SENDING;
    }, { timeoutMs: 5_000, what: 'queued and sending rows back to PENDING' });
    const paused = await campaignState(stack, s.campaignId);
    expect(paused.recount.PENDING! + paused.recount.ACCEPTED!).toBe(800);

    await controlCampaign(stack.orm.em.fork(), { producer: stack.producer }, actor(s), s.campaignId, 'resume');
    await expectAllSentOnce(s);
  }, 90_000);

  it('the kill switch stops sends within 1 s; records consumed meanwhile return to PENDING; release finishes', async () => {
    const s = await seedCampaign(stack, { count: 600 });
    await waitFor(async () => (await accepted(s)) >= 100, { timeoutMs: 20_000, what: 'sending under way' });
    const admin = { userId: null, email: 'admin@example.test', ip: null };
    // The switch is global in the shared test database: keep it engaged as briefly as the check allows.
    try {
      await setKillSwitch(stack.orm.em.fork(), admin, true, 'sender integration test');
      await stack.producer.send('dbulk.control', [{ key: 'global', value: { type: 'kill_switch', engaged: true } }]);
      const engagedAt = Date.now();
      await sleep(1_500);
      const sends = await sandboxSends(stack, s.phoneNumberId);
      expect(sends.at(-1)!.at - engagedAt).toBeLessThan(1_000);
      const { recount } = await campaignState(stack, s.campaignId);
      expect(recount.SENDING ?? 0).toBe(0);
    } finally {
      await setKillSwitch(stack.orm.em.fork(), admin, false, 'sender integration test done');
      await stack.producer.send('dbulk.control', [{ key: 'global', value: { type: 'kill_switch', engaged: false } }]);
    }
    const released = await stack.sql<{ n: string }>(
      `select count(*)::text as n from audit_logs where action = 'system.kill_switch.released' and changes->'after'->>'reason' = 'sender integration test done'`,
    );
    expect(Number(released[0]!.n)).toBeGreaterThan(0);
    await expectAllSentOnce(s);
  }, 90_000);
});
