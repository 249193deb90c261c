import { randomUUID } from 'node:crypto';
import { setRateCeiling } from '@dbulk/domain-sending';
import { controlScope } from '@dbulk/kafka';
import { waitFor } from '@dbulk/kafka/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignState, createStack, seedCampaign, startWorker, type Stack } from './test/harness';
import { sandboxSends, sleep } from './test/sandbox-sends';
import type { SenderWorker } from './worker';

let stack: Stack;
let worker: SenderWorker;

beforeAll(async () => {
  stack = await createStack('sender-ceiling');
  worker = await startWorker(stack, { PLANNER_ENABLED: 'true' });
}, 60_000);

afterAll(async () => stack?.close(), 60_000);

describe('an admin’s rate ceiling', () => {
  it('reaches the sender within a second and caps the number’s sends from then on', async () => {
    const s = await seedCampaign(stack, { count: 600 });
    await waitFor(async () => ((await campaignState(stack, s.campaignId)).recount.ACCEPTED ?? 0) >= 80, { timeoutMs: 20_000, what: 'sending under way' });

    const admin = { userId: randomUUID(), email: 'admin@example.test', ip: null };
    await setRateCeiling(stack.orm.em.fork(), admin, { phoneNumberId: s.phoneNumberId, ceiling: 10 }, async (record) => {
      await stack.producer.send('dbulk.control', [{ key: controlScope(record), value: record }]);
    });
    const setAt = Date.now();
    await waitFor(() => worker.sender.rates.get(s.phoneNumberId)?.maxRate === 10, { timeoutMs: 1_000, intervalMs: 20, what: 'ceiling applied' });

    // Sends already reserved before the change may still go; from 2 s on, 10/s at most. Those
    // the window held back longer than its patience go back to PENDING and are planned again
    // at the new rate, which can leave a gap of a second or two: sending must go on after it.
    await sleep(7_000);
    const after = (await sandboxSends(stack, s.phoneNumberId)).filter((x) => x.at >= setAt + 2_000 && x.at < setAt + 7_000);
    expect(after.length).toBeLessThanOrEqual(10 * 5 + 2);
    expect(after.length).toBeGreaterThanOrEqual(20);
    const [row] = await stack.sql<{ ceiling: number; rate: number }>(`select ceiling, rate from send_rates where phone_number_id = ?`, [s.phoneNumberId]);
    expect(Number(row!.ceiling)).toBe(10);
    expect(Number(row!.rate)).toBeLessThanOrEqual(10);
  }, 60_000);
});
