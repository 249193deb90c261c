/**
 * Test helpers (secondary entry point `@dbulk/domain-campaigns/testing`, never imported by
 * production code): a tenant's number, an approved template and contact lists written straight
 * to the database, so campaign tests need neither Meta nor the contacts API.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { Template, Tenant, WhatsappAccount, type EntityManager, type TemplateCategory } from '@dbulk/db';

export const digits = (n: number) =>
  Array.from({ length: n }, (_, i) => String(i === 0 ? randomInt(1, 10) : randomInt(0, 10))).join('');

export async function createTenant(
  em: EntityManager,
  name = `campaigns ${randomUUID().slice(0, 8)}`,
): Promise<string> {
  const fork = em.fork();
  const tenant = fork.create(Tenant, { name });
  await fork.flush();
  return tenant.id;
}

export interface AccountOptions {
  wabaId?: string;
  tier?: string | null;
  throughputMps?: number;
}

export async function createAccount(em: EntityManager, tenantId: string, options: AccountOptions = {}) {
  const fork = em.fork();
  const account = fork.create(WhatsappAccount, {
    tenant: tenantId,
    wabaId: options.wabaId ?? digits(15),
    phoneNumberId: digits(15),
    displayPhoneNumber: `+1 555 01${digits(5)}`,
    accessTokenCiphertext: 'not-a-token',
    accessTokenKeyId: 'test',
    messagingLimitTier: options.tier === undefined ? 'TIER_10K' : options.tier,
    throughputMps: options.throughputMps ?? 80,
  });
  await fork.flush();
  return { id: account.id, wabaId: account.wabaId, phoneNumberId: account.phoneNumberId };
}

/** Header {{1}}, body {{1}} {{2}}, a URL button with a {{1}} suffix: four variables. */
export const FOUR_VARIABLE_COMPONENTS = [
  { type: 'HEADER', format: 'TEXT', text: 'Hi {{1}}', example: { header_text: ['Ana'] } },
  {
    type: 'BODY',
    text: 'Hello {{1}}, your code is {{2}}. See you soon at the store.',
    example: { body_text: [['Ana', 'X1']] },
  },
  {
    type: 'BUTTONS',
    buttons: [
      {
        type: 'URL',
        text: 'Open',
        url: 'https://shop.example/o/{{1}}',
        example: ['https://shop.example/o/abc'],
      },
    ],
  },
];

export async function createTemplate(
  em: EntityManager,
  tenantId: string,
  account: { id: string; wabaId: string },
  options: {
    category?: TemplateCategory;
    components?: Record<string, unknown>[];
    status?: Template['status'];
  } = {},
): Promise<string> {
  const fork = em.fork();
  const template = fork.create(Template, {
    tenant: tenantId,
    account: account.id,
    wabaId: account.wabaId,
    name: `t_${digits(10)}`,
    language: 'en_US',
    category: options.category ?? 'MARKETING',
    components: options.components ?? FOUR_VARIABLE_COMPONENTS,
    status: options.status ?? 'APPROVED',
    metaTemplateId: digits(16),
  });
  await fork.flush();
  return template.id;
}

export interface ContactSeed {
  phone: string;
  name?: string;
  attributes?: Record<string, string>;
  tags?: string[];
  optedOut?: boolean;
}

/** A new list holding these contacts (created, or reused by phone within the tenant). */
export async function createList(
  em: EntityManager,
  tenantId: string,
  contacts: ContactSeed[],
): Promise<string> {
  const listId = randomUUID();
  await em.execute(
    `insert into contact_lists (id, created_at, updated_at, tenant_id, name) values (?::uuid, now(), now(), ?::uuid, ?)`,
    [listId, tenantId, `list ${listId.slice(0, 8)}`],
  );
  await em.execute(
    `with seeds as (select * from jsonb_to_recordset(?::jsonb) as s(phone text, name text, attributes jsonb, tags text[], "optedOut" boolean)),
     upserted as (
       insert into contacts (id, created_at, updated_at, tenant_id, phone, name, attributes, tags, opted_out_at)
       select gen_random_uuid(), now(), now(), ?::uuid, phone, name, coalesce(attributes, '{}'), coalesce(tags, '{}'),
              case when "optedOut" then now() end
       from seeds
       on conflict (tenant_id, phone) do update set name = excluded.name
       returning id)
     insert into contact_list_members (list_id, contact_id, tenant_id) select ?::uuid, id, ?::uuid from upserted`,
    [JSON.stringify(contacts), tenantId, listId, tenantId],
  );
  return listId;
}

/** A list of `count` generated contacts `+49 1512 <offset…>` (valid E.164), fast: one statement. */
export async function createGeneratedList(
  em: EntityManager,
  tenantId: string,
  count: number,
  base = 4915100000000,
): Promise<string> {
  const listId = randomUUID();
  await em.execute(
    `insert into contact_lists (id, created_at, updated_at, tenant_id, name) values (?::uuid, now(), now(), ?::uuid, ?)`,
    [listId, tenantId, `generated ${listId.slice(0, 8)}`],
  );
  await em.execute(
    `with upserted as (
       insert into contacts (id, created_at, updated_at, tenant_id, phone, name, attributes)
       select gen_random_uuid(), now(), now(), ?::uuid, '+' || (?::bigint + g), 'Contact ' || g, jsonb_build_object('code', 'C' || g)
       from generate_series(1, ?::int) g
       on conflict (tenant_id, phone) do update set updated_at = now()
       returning id)
     insert into contact_list_members (list_id, contact_id, tenant_id) select ?::uuid, id, ?::uuid from upserted`,
    [tenantId, base, count, listId, tenantId],
  );
  return listId;
}

/** A mapping for FOUR_VARIABLE_COMPONENTS. */
export const FOUR_VARIABLE_MAPPING = {
  'header.1': { source: 'field', field: 'name' },
  'body.1': { source: 'field', field: 'name' },
  'body.2': { source: 'attribute', key: 'code', fallback: 'NONE' },
  'buttons.0': { source: 'constant', value: 'spring' },
} as const;
export { campaignKafka } from './kafka';
