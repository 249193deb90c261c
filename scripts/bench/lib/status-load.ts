/**
 * The status benchmark's data: a tenant, number, template and campaign of `messages` ACCEPTED
 * messages per phase (seeded set-wise), and the status stream Meta would send for them —
 * sent, delivered, read per message, shuffled within a window (so delivered may beat sent),
 * plus a share of redeliveries placed a little later — as webhook bodies.
 */
import { randomInt } from 'node:crypto';
import type { EntityManager } from '@dbulk/db';

export interface Phase {
  tenantId: string;
  campaignId: string;
  wabaId: string;
  phoneNumberId: string;
  wamids: string[];
}

export interface StatusItem {
  wamid: string;
  status: 'sent' | 'delivered' | 'read';
  ts: number;
}

const digits = (n: number) => String(randomInt(1, 10)) + Array.from({ length: n - 1 }, () => randomInt(0, 10)).join('');

export async function seedPhase(em: EntityManager, runId: string, label: string, messages: number): Promise<Phase> {
  const wabaId = digits(15);
  const phoneNumberId = digits(15);
  const [tenant] = await em.execute<{ id: string }[]>(
    `insert into tenants (id, created_at, updated_at, name) values (gen_random_uuid(), now(), now(), ?) returning id`,
    [`bench statuses ${runId} ${label}`],
  );
  const tenantId = tenant!.id;
  const [account] = await em.execute<{ id: string }[]>(
    `insert into whatsapp_accounts (id, created_at, updated_at, tenant_id, waba_id, phone_number_id, display_phone_number, access_token_ciphertext, access_token_key_id)
     values (gen_random_uuid(), now(), now(), ?, ?, ?, '15550101234', 'bench', 'bench') returning id`,
    [tenantId, wabaId, phoneNumberId],
  );
  const [template] = await em.execute<{ id: string }[]>(
    `insert into templates (id, created_at, updated_at, tenant_id, account_id, waba_id, name, language, category, components, status)
     values (gen_random_uuid(), now(), now(), ?, ?, ?, 'bench', 'en_US', 'UTILITY', '[]', 'APPROVED') returning id`,
    [tenantId, account!.id, wabaId],
  );
  const [campaign] = await em.execute<{ id: string }[]>(
    `insert into campaigns (id, created_at, updated_at, tenant_id, name, account_id, template_id, status, category, total, accepted)
     values (gen_random_uuid(), now(), now(), ?, 'bench', ?, ?, 'RUNNING', 'UTILITY', ?, ?) returning id`,
    [tenantId, account!.id, template!.id, messages, messages],
  );
  const prefix = `wamid.bench.${runId}.${label}.`;
  await em.execute(
    `insert into campaign_messages (tenant_id, campaign_id, phone, status, wamid, attempts, accepted_at)
     select ?, ?, '+1555' || lpad(g::text, 7, '0'), 'ACCEPTED', ? || g, 1, now() from generate_series(1, ?) g`,
    [tenantId, campaign!.id, prefix, messages],
    'run',
  );
  return { tenantId, campaignId: campaign!.id, wabaId, phoneNumberId, wamids: Array.from({ length: messages }, (_, i) => `${prefix}${i + 1}`) };
}

/** sent/delivered/read per wamid, shuffled within `window` events, with `dupShare` redeliveries up to `window` later. */
export function statusStream(wamids: string[], dupShare: number, window = 1_000): StatusItem[] {
  const base = Math.floor(Date.now() / 1000) - 60;
  const unique: StatusItem[] = wamids.flatMap((wamid, i) => {
    const ts = base + Math.floor(i / 1_000);
    return [{ wamid, status: 'sent', ts }, { wamid, status: 'delivered', ts: ts + 2 }, { wamid, status: 'read', ts: ts + 9 }] as StatusItem[];
  });
  for (let start = 0; start < unique.length; start += window) {
    const end = Math.min(unique.length, start + window);
    for (let i = end - 1; i > start; i--) {
      const j = start + randomInt(0, i - start + 1);
      [unique[i], unique[j]] = [unique[j]!, unique[i]!];
    }
  }
  const out: (StatusItem | undefined)[][] = unique.map((item) => [item]);
  const dups = Math.round(unique.length * dupShare);
  for (let k = 0; k < dups; k++) {
    const from = randomInt(0, unique.length);
    out[Math.min(unique.length - 1, from + randomInt(1, window))]!.push(unique[from]);
  }
  return out.flat().filter((x): x is StatusItem => x !== undefined);
}

export function statusBody(phase: Phase, items: StatusItem[]): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: phase.wabaId, changes: [{ field: 'messages', value: {
      messaging_product: 'whatsapp',
      metadata: { display_phone_number: '15550101234', phone_number_id: phase.phoneNumberId },
      statuses: items.map((s) => ({ id: s.wamid, status: s.status, timestamp: String(s.ts), recipient_id: '15550000000' })),
    } }] }],
  });
}

export const eventKey = (wamid: string, status: string) => `${wamid}|${status}`;

export async function deletePhases(em: EntityManager, phases: Phase[]): Promise<void> {
  const tenants = JSON.stringify(phases.map((p) => p.tenantId));
  const wabas = JSON.stringify(phases.map((p) => p.wabaId));
  await em.execute(`delete from webhook_events where waba_id in (select jsonb_array_elements_text(?::jsonb))`, [wabas], 'run');
  await em.execute(`delete from message_events where tenant_id in (select (jsonb_array_elements_text(?::jsonb))::uuid)`, [tenants], 'run');
  await em.execute(`delete from tenants where id in (select (jsonb_array_elements_text(?::jsonb))::uuid)`, [tenants], 'run');
}
