/**
 * A tenant with a connected WhatsApp number and two templates, under ids no other test (or
 * earlier run) uses: the fixtures' ids are rewritten to these, because phone number ids are
 * unique among live accounts and message/webhook rows outlive a run. Tests only.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { Template, Tenant, WhatsappAccount, type EntityManager } from '@dbulk/db';
import { readFixture, rewriteFixture, type FixtureIds } from './fixtures';

export interface TestWorld extends FixtureIds {
  tenantId: string;
  accountId: string;
  /** templates.id of the fixtures' two templates (approved and rejected ones), PENDING at first. */
  templateRowIds: [string, string];
  displayPhoneNumber: string;
  /** A fixture body rewritten to this world's ids. */
  fixture(name: string): string;
}

/** A numeric id of Meta's shape (15–16 digits) that is unique for this run. */
export function uniqueDigits(length = 15): string {
  let text = String(randomInt(1, 10));
  while (text.length < length) text += String(randomInt(0, 10));
  return text;
}

export interface WorldOptions {
  /** Reuse a WABA (several numbers, or several tenants on one WABA). */
  wabaId?: string;
  /** Connect a number that earlier webhooks already named. */
  phoneNumberId?: string;
  displayPhoneNumber?: string;
  templates?: boolean;
}

export async function createWorld(em: EntityManager, options: WorldOptions = {}): Promise<TestWorld> {
  const ids: FixtureIds = {
    wabaId: options.wabaId ?? uniqueDigits(15),
    phoneNumberId: options.phoneNumberId ?? uniqueDigits(15),
    // 16 digits like Meta's, below 2^53 so tests may write them as JSON numbers.
    templateIds: [`1${uniqueDigits(15)}`, `1${uniqueDigits(15)}`],
    wamidTag: randomBytes(6).toString('hex'),
  };
  const displayPhoneNumber = options.displayPhoneNumber ?? '15550101234';
  const fork = em.fork();
  const tenant = fork.create(Tenant, { name: `webhooks ${ids.wamidTag}` });
  const account = fork.create(WhatsappAccount, {
    tenant,
    wabaId: ids.wabaId,
    phoneNumberId: ids.phoneNumberId,
    displayPhoneNumber,
    accessTokenCiphertext: 'not-a-token',
    accessTokenKeyId: 'test',
    qualityRating: 'GREEN',
    messagingLimitTier: 'TIER_10K',
  });
  const templates =
    options.templates === false
      ? []
      : (
          [
            ['weekend_sale_v2', 'en_US', 'MARKETING', ids.templateIds[0]],
            ['order_shipped_alert', 'pt_BR', 'UTILITY', ids.templateIds[1]],
          ] as const
        ).map(([name, language, category, metaTemplateId]) =>
          fork.create(Template, { tenant, account, wabaId: ids.wabaId, name, language, category, components: [], status: 'PENDING', metaTemplateId }),
        );
  await fork.flush();
  return {
    ...ids,
    tenantId: tenant.id,
    accountId: account.id,
    templateRowIds: [templates[0]?.id ?? '', templates[1]?.id ?? ''],
    displayPhoneNumber,
    fixture: (name) => rewriteFixture(readFixture(name), ids),
  };
}

/** Deletes what the worlds made (tenants cascade to accounts, templates, suppressions). */
export async function deleteWorlds(em: EntityManager, worlds: TestWorld[]): Promise<void> {
  if (worlds.length === 0) return;
  const json = (values: string[]) => JSON.stringify(values);
  const wabas = json(worlds.map((w) => w.wabaId));
  const tenants = json(worlds.map((w) => w.tenantId));
  const fork = em.fork();
  const tags = json(worlds.map((w) => `%${w.wamidTag}%`));
  await fork.execute(
    `delete from webhook_events where waba_id in (select jsonb_array_elements_text(?::jsonb))
       or (kind = 'unparseable' and payload->>'preview' like any (select jsonb_array_elements_text(?::jsonb)))`,
    [wabas, tags],
    'run',
  );
  await fork.execute(`delete from message_events where tenant_id in (select (jsonb_array_elements_text(?::jsonb))::uuid) or wamid like any (select 'wamid.' || jsonb_array_elements_text(?::jsonb) || '.%')`, [tenants, json(worlds.map((w) => w.wamidTag))], 'run');
  await fork.execute(`delete from audit_logs where tenant_id in (select (jsonb_array_elements_text(?::jsonb))::uuid)`, [tenants], 'run');
  await fork.execute(`delete from tenants where id in (select (jsonb_array_elements_text(?::jsonb))::uuid)`, [tenants], 'run');
}
