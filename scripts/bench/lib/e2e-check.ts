/**
 * What the end-to-end benchmark checks after a run: the campaigns' counters against a recount
 * (SQL group by status), and the sandbox's own records — every accepted message sent exactly
 * once, nothing sent twice, the sustained send rate and the 130429 answers.
 */
import type { EntityManager } from '@dbulk/db';
import { maxInAnySecond, sustainedRate } from './send-load';
import type { E2eCampaign } from './e2e-seed';

export const COUNTER_COLUMNS: Record<string, string> = {
  PENDING: 'pending', QUEUED: 'queued', SENDING: 'sending', RETRY_WAIT: 'retry_wait', ACCEPTED: 'accepted',
  SENT: 'sent', DELIVERED: 'delivered', READ: 'read', FAILED: 'failed', SKIPPED: 'skipped',
};

const ids = (seeded: E2eCampaign[]) => JSON.stringify(seeded.map((s) => s.campaignId));
const inCampaigns = `(select (jsonb_array_elements_text(?::jsonb))::uuid)`;

/** Σ counters of the run's campaigns (cheap: one row per campaign), and how many are COMPLETED. */
export async function counters(em: EntityManager, seeded: E2eCampaign[]) {
  const cols = Object.values(COUNTER_COLUMNS).map((c) => `sum(${c})::int as ${c}`).join(', ');
  const [row] = await em.execute<Record<string, number>[]>(
    `select ${cols}, sum(total)::int as total, count(*) filter (where status = 'COMPLETED')::int as completed from campaigns where id in ${inCampaigns}`,
    [ids(seeded)],
  );
  return row!;
}

/** Per campaign: status recount vs counters. */
export async function recount(em: EntityManager, seeded: E2eCampaign[]) {
  const rows = await em.execute<{ campaign_id: string; status: string; n: number }[]>(
    `select campaign_id, status, count(*)::int as n from campaign_messages where campaign_id in ${inCampaigns} group by campaign_id, status`,
    [ids(seeded)],
  );
  const camps = await em.execute<Record<string, unknown>[]>(`select * from campaigns where id in ${inCampaigns}`, [ids(seeded)]);
  const totals: Record<string, number> = {};
  const mismatches: string[] = [];
  for (const c of camps) {
    const mine = rows.filter((r) => r.campaign_id === c.id);
    for (const r of mine) totals[r.status] = (totals[r.status] ?? 0) + r.n;
    for (const [status, col] of Object.entries(COUNTER_COLUMNS)) {
      const actual = mine.find((r) => r.status === status)?.n ?? 0;
      if (Number(c[col]) !== actual) mismatches.push(`${String(c.id)} ${status}: counter ${String(c[col])} ≠ recount ${actual}`);
    }
  }
  return { byStatus: totals, countersEqualRecount: mismatches.length === 0, mismatches, campaignStatuses: camps.map((c) => c.status) };
}

export async function sandboxCheck(em: EntityManager, sandboxUrl: string, seeded: E2eCampaign[]) {
  const summary = (await (await fetch(`${sandboxUrl}/_sandbox/sent/summary`)).json()) as {
    total: number; repeated: string[]; outcomes: Record<string, number>; rejected_by_code: Record<string, number>; recipients: { recipient: string; count: number }[];
  };
  const counts = new Map(summary.recipients.map((r) => [r.recipient, r.count]));
  const rows = await em.execute<{ phone: string; wamid: string | null; status: string }[]>(
    `select phone, wamid, status from campaign_messages where campaign_id in ${inCampaigns}`,
    [ids(seeded)],
  );
  const accepted = rows.filter((r) => r.wamid !== null);
  const notOnce = accepted.filter((r) => counts.get(r.phone.slice(1)) !== 1).length;
  const sentWithoutWamid = rows.filter((r) => r.wamid === null && (counts.get(r.phone.slice(1)) ?? 0) > 0).length;
  const times: number[] = [];
  let busiest = 0;
  for (const s of seeded) {
    const res = (await (await fetch(`${sandboxUrl}/_sandbox/sent?phone_number_id=${s.phoneNumberId}`)).json()) as { data: { acceptedAt: number }[] };
    const mine = res.data.map((r) => r.acceptedAt);
    times.push(...mine);
    busiest = Math.max(busiest, maxInAnySecond(mine));
  }
  times.sort((a, b) => a - b);
  return {
    sandboxSends: summary.total,
    messagesWithWamid: accepted.length,
    acceptedMessagesSentOnce: accepted.length - notOnce,
    acceptedMessagesNotSentExactlyOnce: notOnce,
    duplicates: summary.repeated.length,
    sentButNoWamidInDb: sentWithoutWamid,
    sandboxOutcomes: summary.outcomes,
    rejectedByCode: summary.rejected_by_code,
    sendSpanSeconds: times.length > 1 ? Math.round((times.at(-1)! - times[0]!) / 100) / 10 : 0,
    sustainedSendsPerSecond: Math.round(sustainedRate(times)),
    busiestNumberInAnySecond: busiest,
  };
}
