/**
 * Tests only: a RUNNING campaign of a world's template with messages in given statuses and
 * wamids (counters set to match), and helpers to read them back.
 */
import { randomInt } from 'node:crypto';
import type { EntityManager } from '@dbulk/db';
import type { TestWorld } from './world';

export interface TestMessageSpec {
  status: string;
  wamid?: string | null;
  reason?: string | null;
  needsReview?: boolean;
  phone?: string;
}

export interface WorldCampaign {
  campaignId: string;
  messageIds: string[];
  phones: string[];
}

const COUNTER: Record<string, string> = {
  PENDING: 'pending', QUEUED: 'queued', SENDING: 'sending', RETRY_WAIT: 'retry_wait', ACCEPTED: 'accepted',
  SENT: 'sent', DELIVERED: 'delivered', READ: 'read', FAILED: 'failed', SKIPPED: 'skipped',
};

export async function createWorldCampaign(em: EntityManager, world: TestWorld, messages: TestMessageSpec[], options: { templateIndex?: 0 | 1; status?: string } = {}): Promise<WorldCampaign> {
  const fork = em.fork();
  const counts: Record<string, number> = {};
  for (const m of messages) counts[COUNTER[m.status]!] = (counts[COUNTER[m.status]!] ?? 0) + 1;
  const [campaign] = await fork.execute<{ id: string }[]>(
    `insert into campaigns (id, created_at, updated_at, tenant_id, name, account_id, template_id, status, category, total, ${Object.keys(counts).join(', ') || 'pending'})
     values (gen_random_uuid(), now(), now(), ?, ?, ?, ?, ?, (select category from templates where id = ?), ?, ${Object.values(counts).join(', ') || '0'}) returning id`,
    [world.tenantId, `campaign ${world.wamidTag}`, world.accountId, world.templateRowIds[options.templateIndex ?? 0], options.status ?? 'RUNNING', world.templateRowIds[options.templateIndex ?? 0], messages.length],
  );
  const phones = messages.map((m) => m.phone ?? `+1555${String(randomInt(1_000_000, 9_999_999))}`);
  const rows = messages.map((m, i) => ({ phone: phones[i], status: m.status, wamid: m.wamid ?? null, reason: m.reason ?? null, needs_review: m.needsReview ?? false }));
  const inserted = await fork.execute<{ id: string; phone: string }[]>(
    `insert into campaign_messages (tenant_id, campaign_id, phone, status, wamid, reason, needs_review)
     select ?, ?, x.phone, x.status, x.wamid, x.reason, x.needs_review
     from jsonb_to_recordset(?::jsonb) as x(phone text, status text, wamid text, reason text, needs_review boolean) returning id, phone`,
    [world.tenantId, campaign!.id, JSON.stringify(rows)],
  );
  return { campaignId: campaign!.id, phones, messageIds: phones.map((p) => String(inserted.find((r) => r.phone === p)!.id)) };
}

/** The campaign's stored counters next to a recount of its messages (they must be equal). */
export async function countersVsRecount(em: EntityManager, campaignId: string) {
  const columns = Object.values(COUNTER);
  const [stored] = await em.fork().execute<Record<string, number>[]>(`select ${columns.map((c) => `"${c}"`).join(', ')} from campaigns where id = ?`, [campaignId]);
  const recount = await em.fork().execute<{ status: string; n: number }[]>(`select status, count(*)::int as n from campaign_messages where campaign_id = ? group by status`, [campaignId]);
  const expected: Record<string, number> = Object.fromEntries(columns.map((c) => [c, 0]));
  for (const r of recount) expected[COUNTER[r.status]!] = r.n;
  return { stored, recount: expected };
}

export function inbound(from: string, id: string, timestamp: number, body: { type: string; [key: string]: unknown }) {
  return { contacts: [{ profile: { name: 'Test User' }, wa_id: from }], messages: [{ from, id, timestamp: String(timestamp), ...body }] };
}
