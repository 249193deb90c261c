/**
 * The chart runs the planner and the senders as separate Deployments: a planner-only process
 * (SENDER_CONSUMER_ENABLED=false) joins no send group and is ready with the database alone,
 * while consumer-only replicas (PLANNER_ENABLED=false) send what it plans, exactly once.
 */
import { waitFor } from '@dbulk/kafka/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignState, createStack, sandboxCounts, seedCampaign, startWorker, type Stack } from './test/harness';
import type { SenderWorker } from './worker';

let stack: Stack;
let planner: SenderWorker;
let sender: SenderWorker;

beforeAll(async () => {
  stack = await createStack('sender-roles');
  planner = await startWorker(stack, { PLANNER_ENABLED: 'true', SENDER_CONSUMER_ENABLED: 'false' });
  sender = await startWorker(stack, { PLANNER_ENABLED: 'false' });
}, 60_000);

afterAll(async () => stack?.close(), 60_000);

describe('planner and sender in separate processes', () => {
  it('reports a planner-only process ready with its consumer off, and a sender-only one with its planner off', async () => {
    expect(await planner.ready()).toMatchObject({ ready: true, consumer: 'off', database: 'up' });
    await waitFor(async () => (await sender.ready()).ready, { timeoutMs: 20_000, what: 'sender consumer in its group' });
    expect(await sender.ready()).toMatchObject({ consumer: 'connected', planner: 'off' });
    expect(planner.sender.consumer.health().connected).toBe(false);
  });

  it('sends every message the planner-only process plans exactly once', async () => {
    const s = await seedCampaign(stack, { count: 60 });
    await waitFor(async () => ((await campaignState(stack, s.campaignId)).recount.ACCEPTED ?? 0) === 60, { timeoutMs: 40_000, what: 'every message accepted' });
    const counts = await sandboxCounts(stack);
    expect(s.phones.every((p) => (counts.get(p.slice(1)) ?? 0) === 1)).toBe(true);
  });
});
