/**
 * Seeding for the end-to-end benchmark: per campaign a tenant with one sandbox number (token
 * sealed as the api seals it, WABA subscribed so the sandbox posts its webhooks), the approved
 * hello_world, a contact list of generated recipients and a DRAFT campaign over it — started
 * later through the campaigns service. Recipients are unique across the run (campaign index in
 * the number), so the sandbox's per-recipient counts show every duplicate. Cleanup deletes all.
 */
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { Campaign, Template, Tenant, WhatsappAccount, type EntityManager } from '@dbulk/db';
import { sealToken, tokenContext, type Keyring } from '@dbulk/domain-whatsapp';

export interface E2eCampaign {
  tenantId: string;
  campaignId: string;
  wabaId: string;
  phoneNumberId: string;
}

const digits = (n: number) => String(randomInt(1, 10)) + Array.from({ length: n - 1 }, () => randomInt(0, 10)).join('');

export async function seedCampaign(
  em: EntityManager,
  keyring: Keyring,
  sandboxUrl: string,
  opts: { index: number; recipients: number; throughputMps: number },
): Promise<E2eCampaign> {
  const wabaId = digits(15);
  const phoneNumberId = digits(15);
  const token = `bench-${randomBytes(8).toString('hex')}`;
  const res = await fetch(`${sandboxUrl}/_sandbox/accounts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ waba_id: wabaId, phone_number_id: phoneNumberId, access_token: token, messaging_limit_tier: 'TIER_UNLIMITED', throughput_level: 'STANDARD', subscribed: true }),
  });
  if (!res.ok) throw new Error(`sandbox account: ${res.status} ${await res.text()}`);
  const tenant = em.create(Tenant, { id: randomUUID(), name: `bench e2e ${phoneNumberId}` });
  const sealed = sealToken(keyring, token, tokenContext(tenant.id, phoneNumberId));
  const account = em.create(WhatsappAccount, {
    tenant, wabaId, phoneNumberId, displayPhoneNumber: `1555${digits(7)}`, accessTokenCiphertext: sealed.ciphertext, accessTokenKeyId: sealed.keyId,
    messagingLimitTier: 'TIER_UNLIMITED', throughputMps: opts.throughputMps, isSandbox: true,
  });
  const template = em.create(Template, { tenant, account, wabaId, name: 'hello_world', language: 'en_US', category: 'UTILITY', status: 'APPROVED', components: [{ type: 'BODY', text: 'Hello World' }] });
  await em.flush();
  const listId = randomUUID();
  await em.execute(`insert into contact_lists (id, tenant_id, name, created_at, updated_at) values (?, ?, 'bench e2e', now(), now())`, [listId, tenant.id]);
  await em.execute(
    `with c as (insert into contacts (id, tenant_id, phone, created_at, updated_at)
       select gen_random_uuid(), ?, '+4917' || lpad(?::text, 3, '0') || lpad(g::text, 6, '0'), now(), now() from generate_series(1, ?) g returning id)
     insert into contact_list_members (list_id, contact_id, tenant_id) select ?, c.id, ? from c`,
    [tenant.id, opts.index, opts.recipients, listId, tenant.id],
  );
  const campaign = em.create(Campaign, { tenant, name: `bench e2e ${opts.index}`, account, template, listIds: [listId], status: 'DRAFT' });
  await em.flush();
  return { tenantId: tenant.id, campaignId: campaign.id, wabaId, phoneNumberId };
}

export async function deleteCampaigns(em: EntityManager, seeded: E2eCampaign[]): Promise<void> {
  if (seeded.length === 0) return;
  const tenants = JSON.stringify(seeded.map((s) => s.tenantId));
  const wabas = JSON.stringify(seeded.map((s) => s.wabaId));
  const inTenants = `(select (jsonb_array_elements_text(?::jsonb))::uuid)`;
  await em.execute(`delete from webhook_events where waba_id in (select jsonb_array_elements_text(?::jsonb))`, [wabas]);
  await em.execute(`delete from message_events where tenant_id in ${inTenants}`, [tenants]);
  await em.execute(`delete from campaign_messages where tenant_id in ${inTenants}`, [tenants]);
  await em.execute(`delete from audit_logs where tenant_id in ${inTenants}`, [tenants]);
  await em.execute(`delete from campaigns where tenant_id in ${inTenants}`, [tenants]);
  await em.execute(`delete from tenants where id in ${inTenants}`, [tenants]);
}
