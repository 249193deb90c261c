/**
 * The whole send path at campaign scale: 10,000 contacts in a list → the campaigns service
 * starts the campaign → the planner paces it → the sender claims and sends → the sandbox accepts
 * → Meta's statuses (sent, delivered) are applied → every message is terminal, the campaign
 * completes and its counters equal a recount.
 */
import { randomUUID } from 'node:crypto';
import { Campaign } from '@dbulk/db';
import { applyStatuses, startCampaign } from '@dbulk/domain-campaigns';
import { waitFor } from '@dbulk/kafka/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignState, createStack, digits, sandboxCounts, seedAccount, startWorker, type Stack } from './test/harness';

let stack: Stack;
const COUNT = 10_000;

beforeAll(async () => {
  stack = await createStack('sender-campaign');
  await startWorker(stack, { PLANNER_ENABLED: 'true' });
}, 60_000);

afterAll(async () => stack?.close(), 60_000);

async function listOfContacts(tenantId: string, count: number): Promise<string> {
  const listId = randomUUID();
  await stack.sql(`insert into contact_lists (id, tenant_id, name, created_at, updated_at) values (?, ?, 'everyone', now(), now())`, [listId, tenantId]);
  await stack.sql(
    `with c as (insert into contacts (id, tenant_id, phone, created_at, updated_at)
       select gen_random_uuid(), ?, '+4917' || ? || lpad(g::text, 5, '0'), now(), now() from generate_series(1, ?) g returning id)
     insert into contact_list_members (list_id, contact_id, tenant_id) select ?, c.id, ? from c`,
    [tenantId, digits(5), count, listId, tenantId],
  );
  return listId;
}

describe(`a ${COUNT.toLocaleString('en')}-message campaign end to end`, () => {
  it('ends with every message terminal, the campaign completed and counters equal to a recount', async () => {
    const a = await seedAccount(stack, { level: 'HIGH', throughputMps: 1_000 });
    const listId = await listOfContacts(a.tenantId, COUNT);
    const em = stack.orm.em.fork();
    const draft = em.create(Campaign, { tenant: a.tenantId, name: 'ten thousand', account: a.accountId, template: a.templateId, listIds: [listId], status: 'DRAFT' });
    await em.flush();
    const actor = { userId: randomUUID(), email: 'owner@example.test', ip: null, tenantId: a.tenantId, role: 'owner' as const };

    const started = Date.now();
    await startCampaign(stack.orm.em.fork(), { producer: stack.producer }, actor, draft.id);
    const startMs = Date.now() - started;
    await waitFor(async () => (await campaignState(stack, draft.id)).recount.ACCEPTED === COUNT, { timeoutMs: 120_000, intervalMs: 500, what: 'every message accepted' });
    const sendSeconds = (Date.now() - started) / 1_000;

    const counts = await sandboxCounts(stack);
    const rows = await stack.sql<{ phone: string; wamid: string }>(`select phone, wamid from campaign_messages where campaign_id = ?`, [draft.id]);
    expect(rows.every((r) => counts.get(r.phone.slice(1)) === 1)).toBe(true);

    // Meta's statuses for every message, applied as the processor applies them.
    const at = new Date().toISOString();
    for (let i = 0; i < rows.length; i += 2_000) {
      const events = rows.slice(i, i + 2_000).flatMap((r) =>
        (['delivered', 'sent'] as const).map((status) => ({ tenantId: a.tenantId, wamid: r.wamid, status, occurredAt: at, errorCode: null, errorTitle: null, callbackData: null })),
      );
      await stack.orm.em.fork().transactional((tx) => applyStatuses(tx, events));
    }
    await waitFor(async () => (await campaignState(stack, draft.id)).campaign.status === 'COMPLETED', { timeoutMs: 20_000, what: 'campaign completed' });
    const state = await campaignState(stack, draft.id);
    expect(state.recount).toEqual({ DELIVERED: COUNT });
    expect(state.countersMatch).toBe(true);
    expect(Number(state.campaign.total)).toBe(COUNT);
    console.info(`campaign of ${COUNT}: start ${startMs} ms, all accepted after ${sendSeconds.toFixed(1)} s (${Math.round(COUNT / sendSeconds)} msg/s)`);
  }, 180_000);
});
