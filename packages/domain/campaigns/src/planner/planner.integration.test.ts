/**
 * The planner against real PostgreSQL and Kafka (topics under a test prefix, one partition so
 * every tenant shares it). Each planner is limited to this file's tenants and uses its own lock
 * key, so planners of other test runs on the same database neither help nor interfere.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Campaign, createOrm, type MikroORM } from '@dbulk/db';
import type { TenantActor } from '@dbulk/domain-tenancy';
import { waitFor } from '@dbulk/kafka/testing';
import { testStack } from '@dbulk/testing';
import { createCampaign } from '../campaigns-drafts.service';
import { counterDeltaCtes } from '../messages/counters';
import { startCampaign } from '../start.service';
import {
  campaignKafka,
  digits,
  createAccount,
  createGeneratedList,
  createTenant,
  createTemplate,
  FOUR_VARIABLE_MAPPING,
  type AccountOptions,
} from '../testing';
import { killSwitchEngaged } from './maintenance';
import { createPlanner, type Planner, type PlannerDeps } from './planner';

let orm: MikroORM;
let kafka: Awaited<ReturnType<typeof campaignKafka>>;
const planners: Planner[] = [];
const em = () => orm.em.fork();

beforeAll(async () => {
  orm = await createOrm({ url: testStack().databaseUrl, poolMax: 8 });
  kafka = await campaignKafka('planner', ['dbulk.send', 'dbulk.events', 'dbulk.control']);
}, 120_000);
afterEach(async () => {
  for (const planner of planners.splice(0)) await planner.stop();
});
afterAll(async () => {
  await kafka?.close();
  await orm?.close(true);
});

function planner(tenantIds: string[], extra: Partial<PlannerDeps> = {}): Planner {
  const p = createPlanner({
    orm,
    producer: kafka.producer,
    logger: kafka.logger,
    tickMs: 100,
    lockKey: randomInt(1, 2 ** 40),
    tenantIds,
    ...extra,
  });
  planners.push(p);
  return p;
}

const actor = (tenantId: string): TenantActor => ({
  userId: randomUUID(),
  email: 'planner-test@example.test',
  ip: null,
  tenantId,
  role: 'owner',
});

/** A tenant, a number and a started campaign of `count` recipients. */
async function world(count: number, account: AccountOptions = {}, scheduledAt?: string) {
  const tenantId = await createTenant(em());
  const acc = await createAccount(em(), tenantId, { tier: 'TIER_UNLIMITED', ...account });
  const templateId = await createTemplate(em(), tenantId, acc, { category: 'UTILITY' });
  const listId = await createGeneratedList(
    em(),
    tenantId,
    count,
    4917000000000 + randomInt(0, 1_000_000) * 1000,
  );
  const campaignId = await campaign(tenantId, acc.id, templateId, listId, scheduledAt);
  return { tenantId, account: acc, templateId, listId, campaignId };
}

async function campaign(
  tenantId: string,
  accountId: string,
  templateId: string,
  listId: string,
  scheduledAt?: string,
) {
  const { campaignId } = await createCampaign(em(), actor(tenantId), {
    name: 'planner test',
    accountId,
    templateId,
    listIds: [listId],
    tagFilter: [],
    variableMapping: { ...FOUR_VARIABLE_MAPPING },
    scheduledAt,
  });
  await startCampaign(em(), {}, actor(tenantId), campaignId);
  return campaignId;
}

/** What a sender or a webhook would do: move `limit` rows from one status to another, counters included. */
async function move(campaignId: string, from: string, set: string, limit = 1_000_000) {
  await em().execute(
    `with old as (select id, campaign_id, status from campaign_messages where campaign_id = ? and status = ? order by id limit ? for update),
     moved as (update campaign_messages m set ${set} from old where m.id = old.id returning m.id, m.campaign_id, old.status as old_status, m.status as new_status),
     ${counterDeltaCtes('moved')} select count(*) from moved`,
    [campaignId, from, limit],
  );
}

async function counts(campaignId: string) {
  const row = await em().findOneOrFail(Campaign, { id: campaignId });
  const recount = (await em().execute(
    `select status, count(*)::int as n from campaign_messages where campaign_id = ? group by status`,
    [campaignId],
  )) as { status: string; n: number }[];
  const by = Object.fromEntries(recount.map((r) => [r.status, r.n]));
  expect({
    pending: row.pending,
    queued: row.queued,
    sending: row.sending,
    failed: row.failed,
    accepted: row.accepted,
    retryWait: row.retryWait,
  }).toEqual({
    pending: by.PENDING ?? 0,
    queued: by.QUEUED ?? 0,
    sending: by.SENDING ?? 0,
    failed: by.FAILED ?? 0,
    accepted: by.ACCEPTED ?? 0,
    retryWait: by.RETRY_WAIT ?? 0,
  });
  return row;
}

describe('planner', () => {
  it('paces each number to rate × lookahead, produces keyed records and completes the campaign', async () => {
    const sends = await kafka.collect('dbulk.send');
    const events = await kafka.collect('dbulk.events');
    const w = await world(100, { throughputMps: 10 });
    planner([w.tenantId], { lookaheadSeconds: 2 }).start();

    let maxQueued = 0;
    await waitFor(
      async () => {
        const row = await counts(w.campaignId);
        maxQueued = Math.max(maxQueued, row.queued);
        return row.queued === 20;
      },
      { what: '20 queued' },
    );
    for (let i = 0; i < 8; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      maxQueued = Math.max(maxQueued, (await counts(w.campaignId)).queued);
    }
    expect(maxQueued).toBe(20);
    const mine = await waitFor(
      () => {
        const list = sends.filter((r) => r.value.campaignId === w.campaignId);
        return list.reduce((n, r) => n + r.value.messageIds.length, 0) === 20 ? list : null;
      },
      { what: 'records of 20 ids' },
    );
    expect(
      mine.every(
        (r) => r.key === w.tenantId && r.value.tenantId === w.tenantId && r.value.messageIds.length <= 50,
      ),
    ).toBe(true);
    const queuedIds = (await em().execute(
      `select id::text from campaign_messages where campaign_id = ? and status = 'QUEUED' order by id`,
      [w.campaignId],
    )) as { id: string }[];
    expect(mine.flatMap((r) => r.value.messageIds).sort()).toEqual(queuedIds.map((r) => r.id).sort());

    // A sender accepting everything it is given lets the planner release the rest, 20 at a time.
    let done: Campaign | null = null;
    for (const until = Date.now() + 40_000; !done && Date.now() < until;) {
      await move(
        w.campaignId,
        'QUEUED',
        `status = 'ACCEPTED', accepted_at = now(), wamid = 'wamid.' || m.id || '.${w.campaignId}'`,
      );
      const row = await counts(w.campaignId);
      expect(row.queued).toBeLessThanOrEqual(20);
      if (row.status === 'COMPLETED') done = row;
      else await new Promise((resolve) => setTimeout(resolve, 150));
    }
    if (!done) throw new Error('the campaign did not complete');
    expect(done).toMatchObject({ accepted: 100, pending: 0, total: 100 });
    expect(done.completedAt).not.toBeNull();
    await waitFor(
      () =>
        events.some(
          (e) =>
            e.key === w.tenantId &&
            e.value.type === 'campaign.progress' &&
            e.value.data.campaignId === w.campaignId &&
            e.value.data.status === 'COMPLETED',
        ),
      {
        what: 'a COMPLETED progress snapshot',
      },
    );
  });

  it('lets a small tenant progress next to a large backlog on the same partition', async () => {
    const big = await world(2_000, { throughputMps: 1_000 });
    const small = await world(10, { throughputMps: 1_000 });
    planner([big.tenantId, small.tenantId], { maxPerTick: 40 }).start();
    await waitFor(async () => (await counts(small.campaignId)).queued === 10, {
      what: 'the small tenant queued',
    });
    const bigRow = await counts(big.campaignId);
    expect(bigRow.queued).toBeGreaterThan(0);
    expect(bigRow.pending).toBeGreaterThan(1_000);
  });

  it('starts a scheduled campaign when its time comes', async () => {
    const at = new Date(Date.now() + 2_500).toISOString();
    const w = await world(5, {}, at);
    expect((await counts(w.campaignId)).status).toBe('SCHEDULED');
    planner([w.tenantId]).start();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await counts(w.campaignId)).status).toBe('SCHEDULED');
    const row = await waitFor(
      async () => {
        const r = await counts(w.campaignId);
        return r.status === 'RUNNING' && r.queued === 5 ? r : null;
      },
      { what: 'the scheduled start' },
    );
    expect(row.startedAt!.getTime()).toBeGreaterThanOrEqual(new Date(at).getTime() - 1_000);
  });

  it('returns due retries and stale queue entries to PENDING and fails stale sends for review, for a tenant whose sending is off', async () => {
    const w = await world(10);
    await em().execute(`update tenants set sending_enabled = false where id = ?`, [w.tenantId]);
    await move(
      w.campaignId,
      'PENDING',
      `status = 'RETRY_WAIT', next_attempt_at = now() - interval '1 second'`,
      2,
    );
    await move(
      w.campaignId,
      'PENDING',
      `status = 'RETRY_WAIT', next_attempt_at = now() + interval '1 hour'`,
      2,
    );
    await move(w.campaignId, 'PENDING', `status = 'QUEUED', queued_at = now() - interval '5 minutes'`, 2);
    await move(
      w.campaignId,
      'PENDING',
      `status = 'SENDING', sending_at = now() - interval '10 minutes', attempts = 1`,
      2,
    );
    await move(w.campaignId, 'PENDING', `status = 'SENDING', sending_at = now(), attempts = 1`, 1);
    planner([w.tenantId], { queuedLeaseMs: 60_000, sendingLeaseMs: 120_000 }).start();
    const row = await waitFor(
      async () => {
        const r = await counts(w.campaignId);
        return r.failed === 2 && r.retryWait === 2 && r.pending === 5 ? r : null;
      },
      { what: 'the housekeeping' },
    );
    expect(row).toMatchObject({ queued: 0, sending: 1, status: 'RUNNING' });
    const failed = (await em().execute(
      `select reason, needs_review, error_title, failed_at from campaign_messages where campaign_id = ? and status = 'FAILED'`,
      [w.campaignId],
    )) as Record<string, unknown>[];
    expect(failed).toHaveLength(2);
    for (const f of failed) {
      expect(f).toMatchObject({
        reason: 'ambiguous',
        needs_review: true,
        error_title: 'Outcome unknown: the request may have reached Meta; not resent automatically',
      });
      expect(f.failed_at).not.toBeNull();
    }
    // Sending is off: nothing is queued however long the planner runs.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await counts(w.campaignId)).queued).toBe(0);
  });

  it('holds a campaign at the messaging limit with a visible reason, and goes on when the window frees budget', async () => {
    const wabaId = digits(15);
    const used = await world(250, { tier: 'TIER_250', wabaId });
    await move(used.campaignId, 'PENDING', `status = 'ACCEPTED', accepted_at = now() - interval '1 hour'`);
    const template = await createTemplate(em(), used.tenantId, used.account, { category: 'UTILITY' });
    const list = await createGeneratedList(
      em(),
      used.tenantId,
      5,
      4918000000000 + randomInt(0, 1_000_000) * 1000,
    );
    const campaignId = await campaign(used.tenantId, used.account.id, template, list);
    planner([used.tenantId]).start();
    const waiting = await waitFor(
      async () => {
        const r = await counts(campaignId);
        return r.statusCode === 'MESSAGING_LIMIT_WAIT' ? r : null;
      },
      { what: 'the limit wait' },
    );
    expect(waiting.statusReason).toContain('250 of 250');
    expect(waiting.queued).toBe(0);
    await em().execute(
      `update campaign_messages set accepted_at = now() - interval '25 hours' where campaign_id = ?`,
      [used.campaignId],
    );
    const going = await waitFor(
      async () => {
        const r = await counts(campaignId);
        return r.queued === 5 ? r : null;
      },
      { what: 'release after the window' },
    );
    expect(going.statusCode).toBeNull();
  });

  it('reads the global kill switch that stops releases (set inside a rolled-back transaction: the database is shared)', async () => {
    const rollback = new Error('rollback');
    await em()
      .transactional(async (tx) => {
        for (const engaged of [true, false]) {
          await tx.execute(
            `insert into system_settings (key, value, updated_at) values ('kill_switch', ?::jsonb, now())
             on conflict (key) do update set value = excluded.value`,
            [JSON.stringify({ engaged, reason: 'planner test' })],
          );
          expect(await killSwitchEngaged(tx)).toBe(engaged);
        }
        throw rollback;
      })
      .catch((err: unknown) => {
        if (err !== rollback) throw err;
      });
  });

  it('elects one leader; when it stops, another takes over', async () => {
    const lockKey = randomInt(1, 2 ** 40);
    const a = planner([randomUUID()], { lockKey });
    const b = planner([randomUUID()], { lockKey });
    await a.start();
    await waitFor(() => a.isLeader(), { what: 'a leader' });
    await b.start();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect([a.isLeader(), b.isLeader()]).toEqual([true, false]);
    await a.stop();
    await waitFor(() => b.isLeader(), { what: 'the takeover', timeoutMs: 5_000 });
    expect(a.isLeader()).toBe(false);
  });
});
