/**
 * The api-reads dataset: one tenant (signed up through the api, so its owner signs in like any
 * user) with a sandbox-flagged number, hello_world, `contacts` contacts in one list, and
 * `campaigns` COMPLETED campaigns of `messagesPerCampaign` messages each — statuses spread as a
 * real campaign ends (read, delivered, sent, failed, skipped) over the last 30 days so the
 * dashboard has something to add up. Rows go in with INSERT … SELECT over generate_series
 * (DEPENDENCIES.md: ~10× the ORM), counters are recounted from the rows at the end.
 */
import { randomInt } from 'node:crypto';
import pg from 'pg';

export interface DatasetSize {
  contacts: number;
  campaigns: number;
  messagesPerCampaign: number;
}

const digits = (n: number) => String(randomInt(1, 10)) + Array.from({ length: n - 1 }, () => randomInt(0, 10)).join('');

/** Bulk rows for `tenantId`, in one transaction. */
export async function seedDataset(databaseUrl: string, tenantId: string, size: DatasetSize): Promise<{ campaignIds: string[] }> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query('begin');
    const one = async (sql: string, params: unknown[]) => (await db.query(sql, params)).rows[0] as { id: string };
    const wabaId = digits(15);
    const account = await one(
      `insert into whatsapp_accounts (id, created_at, updated_at, tenant_id, waba_id, phone_number_id, display_phone_number, access_token_ciphertext, access_token_key_id, is_sandbox)
       values (gen_random_uuid(), now(), now(), $1, $2, $3, $4, 'seed: not a token', 'seed', true) returning id`,
      [tenantId, wabaId, digits(15), `1555${digits(7)}`],
    );
    const template = await one(
      `insert into templates (id, created_at, updated_at, tenant_id, account_id, waba_id, name, language, category, status, components)
       values (gen_random_uuid(), now(), now(), $1, $2, $3, 'hello_world', 'en_US', 'UTILITY', 'APPROVED', '[{"type":"BODY","text":"Hello World"}]') returning id`,
      [tenantId, account.id, wabaId],
    );
    const list = await one(`insert into contact_lists (id, created_at, updated_at, tenant_id, name) values (gen_random_uuid(), now(), now(), $1, 'load: everyone') returning id`, [tenantId]);
    await db.query(
      `with c as (
         insert into contacts (id, created_at, updated_at, tenant_id, phone, name)
         select gen_random_uuid(), now() - g * interval '1 second', now(), $1, '+49152' || lpad(g::text, 8, '0'), 'Contact ' || g
         from generate_series(1, $2::int) g returning id)
       insert into contact_list_members (list_id, contact_id, tenant_id) select $3, c.id, $1 from c`,
      [tenantId, size.contacts, list.id],
    );
    const campaignIds: string[] = [];
    for (let i = 0; i < size.campaigns; i++) {
      const campaign = await one(
        `insert into campaigns (id, created_at, updated_at, tenant_id, name, account_id, template_id, list_ids, status, started_at, completed_at)
         values (gen_random_uuid(), now() - $4 * interval '1 hour', now(), $1, $5, $2, $3, $6::jsonb, 'COMPLETED', now() - $4 * interval '1 hour', now() - $4 * interval '1 hour' + interval '20 minutes')
         returning id`,
        [tenantId, account.id, template.id, i * 12, `load campaign ${i + 1}`, JSON.stringify([list.id])],
      );
      campaignIds.push(campaign.id);
      // Message g of campaign i goes to contact ((i × 7919 + g) mod contacts): every campaign a different slice.
      await db.query(
        `insert into campaign_messages (tenant_id, campaign_id, contact_id, phone, status, wamid, attempts, error_code, error_title, accepted_at, sent_at, delivered_at, read_at, failed_at)
         select $1::uuid, $2::uuid, c.id, c.phone, s.status,
                case when s.status <> 'SKIPPED' then 'wamid.SEED' || replace($2::uuid::text, '-', '') || g end,
                case when s.status <> 'SKIPPED' then 1 else 0 end,
                case when s.status = 'FAILED' then 131026 end,
                case when s.status = 'FAILED' then 'Message undeliverable' end,
                t.at, case when s.status in ('SENT','DELIVERED','READ') then t.at + interval '1 second' end,
                case when s.status in ('DELIVERED','READ') then t.at + interval '3 seconds' end,
                case when s.status = 'READ' then t.at + interval '1 minute' end,
                case when s.status = 'FAILED' then t.at + interval '2 seconds' end
         from generate_series(1, $3::int) g
         cross join lateral (select case when g % 100 < 40 then 'READ' when g % 100 < 75 then 'DELIVERED' when g % 100 < 85 then 'SENT'
                                         when g % 100 < 95 then 'FAILED' else 'SKIPPED' end as status) s
         cross join lateral (select case when s.status <> 'SKIPPED' then now() - $4 * interval '1 hour' + g * interval '10 milliseconds' end as at) t
         join lateral (select id, phone from contacts where tenant_id = $1::uuid and phone = '+49152' || lpad(((($5::bigint * 7919 + g) % $6) + 1)::text, 8, '0')) c on true`,
        [tenantId, campaign.id, size.messagesPerCampaign, i * 12, i, size.contacts],
      );
    }
    await db.query(
      `update campaigns k set total = x.total, read = x.read, delivered = x.delivered, sent = x.sent, failed = x.failed, skipped = x.skipped
       from (select campaign_id, count(*) total, count(*) filter (where status = 'READ') read, count(*) filter (where status = 'DELIVERED') delivered,
                    count(*) filter (where status = 'SENT') sent, count(*) filter (where status = 'FAILED') failed, count(*) filter (where status = 'SKIPPED') skipped
             from campaign_messages where tenant_id = $1 group by campaign_id) x
       where k.id = x.campaign_id`,
      [tenantId],
    );
    await db.query('commit');
    await db.query('analyze contacts; analyze campaign_messages');
    return { campaignIds };
  } catch (err) {
    await db.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    await db.end();
  }
}

/** Removes the bulk rows (webhooks, messages, campaigns, contacts) of `tenantIds`; the tenant and its user stay, as other tests leave theirs. */
export async function dropDataset(databaseUrl: string, tenantIds: string[]): Promise<void> {
  if (tenantIds.length === 0) return;
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    for (const table of ['webhook_events', 'message_events', 'campaign_messages', 'audit_logs', 'campaigns', 'contact_list_members', 'contact_imports', 'contacts', 'contact_lists']) {
      await db.query(`delete from ${table} where tenant_id = any($1::uuid[])`, [tenantIds]).catch((err: Error) => {
        if (!/does not exist/.test(err.message)) throw err;
      });
    }
  } finally {
    await db.end();
  }
}

/** Removes what the processor recorded for the webhook suite's numbers (unroutable: no tenant has them). */
export async function dropWebhookRows(databaseUrl: string, phoneNumberIds: string[]): Promise<void> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query('delete from webhook_events where phone_number_id = any($1::text[])', [phoneNumberIds]);
    await db.query('delete from message_events where phone_number_id = any($1::text[])', [phoneNumberIds]);
  } finally {
    await db.end();
  }
}
