/**
 * Seeding and checking for the send-path benchmark: tenants with one sandbox number each (token
 * sealed as the api seals it), an approved hello_world, a RUNNING campaign of PENDING messages;
 * per-number send-time checks from the sandbox's records; cleanup.
 */
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { Campaign, Template, Tenant, WhatsappAccount, type EntityManager } from '@dbulk/db';
import { sealToken, tokenContext, type Keyring } from '@dbulk/domain-whatsapp';

export interface BenchNumber {
  tenantId: string;
  campaignId: string;
  phoneNumberId: string;
  token: string;
  /** Message id → recipient (digits), for the baseline. */
  messages: { id: string; to: string }[];
}

const digits = (n: number) => String(randomInt(1, 10)) + Array.from({ length: n - 1 }, () => randomInt(0, 10)).join('');

export async function seedNumber(em: EntityManager, keyring: Keyring, sandboxUrl: string, opts: { messages: number; throughputMps: number }): Promise<BenchNumber> {
  const wabaId = digits(15);
  const phoneNumberId = digits(15);
  const token = `bench-${randomBytes(8).toString('hex')}`;
  const res = await fetch(`${sandboxUrl}/_sandbox/accounts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ waba_id: wabaId, phone_number_id: phoneNumberId, access_token: token, messaging_limit_tier: 'TIER_UNLIMITED', throughput_level: 'STANDARD' }),
  });
  if (!res.ok) throw new Error(`sandbox account: ${res.status} ${await res.text()}`);
  const tenant = em.create(Tenant, { id: randomUUID(), name: `bench ${phoneNumberId}` });
  const sealed = sealToken(keyring, token, tokenContext(tenant.id, phoneNumberId));
  const account = em.create(WhatsappAccount, {
    tenant, wabaId, phoneNumberId, accessTokenCiphertext: sealed.ciphertext, accessTokenKeyId: sealed.keyId, messagingLimitTier: 'TIER_UNLIMITED', throughputMps: opts.throughputMps, isSandbox: true,
  });
  const template = em.create(Template, { tenant, account, wabaId, name: 'hello_world', language: 'en_US', category: 'UTILITY', status: 'APPROVED', components: [{ type: 'BODY', text: 'Hello World' }] });
  const campaign = em.create(Campaign, { tenant, name: 'bench', account, template, status: 'RUNNING', category: 'UTILITY', startedAt: new Date(), total: opts.messages, pending: opts.messages });
  await em.flush();
  const rows = await em.execute<{ id: string; phone: string }[]>(
    `insert into campaign_messages (tenant_id, campaign_id, phone, status)
     select ?, ?, '+4916' || ? || lpad(g::text, 5, '0'), 'PENDING' from generate_series(1, ?) g returning id::text, phone`,
    [tenant.id, campaign.id, digits(6), opts.messages],
  );
  return { tenantId: tenant.id, campaignId: campaign.id, phoneNumberId, token, messages: rows.map((r) => ({ id: r.id, to: r.phone.slice(1) })) };
}

export async function deleteNumbers(em: EntityManager, numbers: BenchNumber[]): Promise<void> {
  const ids = JSON.stringify(numbers.map((n) => n.tenantId));
  const tenants = `(select (jsonb_array_elements_text(?::jsonb))::uuid)`;
  await em.execute(`delete from campaign_messages where tenant_id in ${tenants}`, [ids]);
  await em.execute(`delete from audit_logs where tenant_id in ${tenants}`, [ids]);
  await em.execute(`delete from tenants where id in ${tenants}`, [ids]);
}

/** Most sends of one number inside any 1-second window (sliding), from its send times. */
export function maxInAnySecond(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= 1_000) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

/** Sends per second over the steady middle of a run (the first and last 10 % trimmed). */
export function sustainedRate(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  if (sorted.length < 10) return 0;
  const from = Math.floor(sorted.length * 0.1);
  const to = Math.floor(sorted.length * 0.9);
  const seconds = (sorted[to]! - sorted[from]!) / 1_000;
  return seconds > 0 ? (to - from) / seconds : 0;
}
