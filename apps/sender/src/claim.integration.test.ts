import { waitFor } from '@dbulk/kafka/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignState, createStack, queueAndProduce, sandboxCounts, seedCampaign, startWorker, type Stack } from './test/harness';

let stack: Stack;

beforeAll(async () => {
  stack = await createStack('sender-claim');
}, 60_000);

afterAll(async () => stack?.close(), 60_000);

describe('claiming is a compare-and-set', () => {
  it('two senders given the same ids send each message exactly once', async () => {
    const s = await seedCampaign(stack, { count: 400, level: 'HIGH', throughputMps: 1_000 });
    // Two replicas in different groups: both receive every record, like a redelivery after a rebalance.
    await startWorker(stack);
    await startWorker(stack);
    const ids = await queueAndProduce(stack, s, 40);
    expect(ids).toHaveLength(400);

    await waitFor(async () => (await campaignState(stack, s.campaignId)).recount.ACCEPTED === 400, { timeoutMs: 30_000, what: '400 accepted' });
    const counts = await sandboxCounts(stack);
    const ours = s.phones.map((p) => counts.get(p.slice(1)) ?? 0);
    expect(ours.filter((n) => n === 1)).toHaveLength(400);
    expect(Math.max(...ours)).toBe(1);

    const state = await campaignState(stack, s.campaignId);
    expect(state.countersMatch).toBe(true);
    const wamids = await stack.sql<{ n: string }>(`select count(distinct wamid)::text as n from campaign_messages where campaign_id = ? and attempts = 1`, [s.campaignId]);
    expect(Number(wamids[0]!.n)).toBe(400);
  }, 60_000);
});
