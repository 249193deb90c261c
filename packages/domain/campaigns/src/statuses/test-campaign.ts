/**
 * Tests only: a tenant with a number, an APPROVED template and a RUNNING campaign whose messages
 * are inserted in the statuses given (counters set to match), under ids no other run uses.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { Campaign, Template, Tenant, WhatsappAccount, type EntityManager, type MessageStatus } from '@dbulk/db';
import { COUNTER_COLUMN } from '../messages/counters';

export interface TestCampaign {
  tenantId: string;
  campaignId: string;
  tag: string;
  /** Message ids in the order of `messages`. */
  messageIds: string[];
  phones: string[];
}

export interface TestMessage {
  status: MessageStatus;
  wamid?: string | null;
  reason?: string | null;
  needsReview?: boolean;
}

const digits = (n: number) => Array.from({ length: n }, (_, i) => String(i === 0 ? randomInt(1, 10) : randomInt(0, 10))).join('');

export async function createTestCampaign(em: EntityManager, messages: TestMessage[], tenantId?: string): Promise<TestCampaign> {
  const tag = randomBytes(6).toString('hex');
  const fork = em.fork();
  const tenant = tenantId ? fork.getReference(Tenant, tenantId) : fork.create(Tenant, { name: `statuses ${tag}` });
  const wabaId = digits(15);
  const account = fork.create(WhatsappAccount, { tenant, wabaId, phoneNumberId: digits(15), displayPhoneNumber: '15550101234', accessTokenCiphertext: 'x', accessTokenKeyId: 'test' });
  const template = fork.create(Template, { tenant, account, wabaId, name: `t_${tag}`, language: 'en_US', category: 'MARKETING', components: [], status: 'APPROVED' });
  const campaign = fork.create(Campaign, { tenant, name: `c ${tag}`, account, template, status: 'RUNNING', category: 'MARKETING', total: messages.length });
  await fork.flush();
  const phones = messages.map(() => `+1555${digits(7)}`);
  const rows = messages.map((m, i) => ({ phone: phones[i], status: m.status, wamid: m.wamid ?? null, reason: m.reason ?? null, needs_review: m.needsReview ?? false }));
  const inserted = await fork.execute<{ id: string; phone: string }[]>(
    `insert into campaign_messages (tenant_id, campaign_id, phone, status, wamid, reason, needs_review, accepted_at)
     select ?, ?, x.phone, x.status, x.wamid, x.reason, x.needs_review, case when x.wamid is null then null else now() end
     from jsonb_to_recordset(?::jsonb) as x(phone text, status text, wamid text, reason text, needs_review boolean)
     returning id, phone`,
    [tenant.id, campaign.id, JSON.stringify(rows)],
  );
  const counts = new Map<MessageStatus, number>();
  for (const m of messages) counts.set(m.status, (counts.get(m.status) ?? 0) + 1);
  const sets = [...counts].map(([s, n]) => `"${COUNTER_COLUMN[s]}" = ${n}`).join(', ');
  if (sets) await fork.execute(`update campaigns set ${sets} where id = ?`, [campaign.id], 'run');
  return { tenantId: tenant.id, campaignId: campaign.id, tag, messageIds: phones.map((p) => String(inserted.find((r) => r.phone === p)!.id)), phones };
}

/** Counters stored on the campaign and a recount of its messages, for `expect(stored).toEqual(recount)`. */
export async function countersAndRecount(em: EntityManager, campaignId: string) {
  const columns = Object.values(COUNTER_COLUMN);
  const [stored] = await em.fork().execute<Record<string, number>[]>(`select ${columns.map((c) => `"${c}"`).join(', ')} from campaigns where id = ?`, [campaignId]);
  const recount = await em.fork().execute<{ status: MessageStatus; n: number }[]>(`select status, count(*)::int as n from campaign_messages where campaign_id = ? group by status`, [campaignId]);
  const expected = Object.fromEntries(columns.map((c) => [c, 0]));
  for (const r of recount) expected[COUNTER_COLUMN[r.status]] = r.n;
  return { stored, recount: expected };
}

export async function deleteTestTenants(em: EntityManager, tenantIds: string[]): Promise<void> {
  if (tenantIds.length === 0) return;
  const fork = em.fork();
  const ids = JSON.stringify(tenantIds);
  await fork.execute(`delete from message_events where tenant_id in (select (jsonb_array_elements_text(?::jsonb))::uuid)`, [ids], 'run');
  await fork.execute(`delete from tenants where id in (select (jsonb_array_elements_text(?::jsonb))::uuid)`, [ids], 'run');
}
