/**
 * The WhatsApp accounts webhooks route to and update. Updates return the row before and after
 * in one statement (the audit needs both) and lock the rows for the rest of the transaction.
 */
import type { AccountStatus, EntityManager } from '@dbulk/db';
import type { AccountFields } from './number-events';
import type { LiveAccount } from './routing';

/** Live accounts (not disconnected) that own any of these numbers or WABAs. */
export async function loadLiveAccounts(em: EntityManager, phoneNumberIds: string[], wabaIds: string[]): Promise<LiveAccount[]> {
  if (phoneNumberIds.length === 0 && wabaIds.length === 0) return [];
  const rows = await em.execute<
    { id: string; tenant_id: string; waba_id: string; phone_number_id: string; display_phone_number: string | null; status: 'connected' | 'broken' }[]
  >(
    `select id, tenant_id, waba_id, phone_number_id, display_phone_number, status from whatsapp_accounts
     where status <> 'disconnected'
       and (phone_number_id in (select jsonb_array_elements_text(?::jsonb)) or waba_id in (select jsonb_array_elements_text(?::jsonb)))`,
    [JSON.stringify(phoneNumberIds), JSON.stringify(wabaIds)],
  );
  return rows.map((r) => ({
    id: r.id,
    tenantId: r.tenant_id,
    wabaId: r.waba_id,
    phoneNumberId: r.phone_number_id,
    displayPhoneNumber: r.display_phone_number,
    status: r.status,
  }));
}

export interface AccountStatusChange {
  id: string;
  tenantId: string;
  phoneNumberId: string;
  before: { status: AccountStatus; statusReason: string | null };
  after: { status: AccountStatus; statusReason: string | null };
}

/**
 * Sets status and reason on these accounts where they differ. `connected` only revives a
 * `broken` connection; nothing here touches a `disconnected` one (the tenant ended it).
 */
export async function setAccountStatus(em: EntityManager, ids: string[], status: 'broken' | 'connected', reason: string | null): Promise<AccountStatusChange[]> {
  if (ids.length === 0) return [];
  const from = status === 'connected' ? `('broken')` : `('connected', 'broken')`;
  const rows = await em.execute<
    { id: string; tenant_id: string; phone_number_id: string; old_status: AccountStatus; old_reason: string | null; status: AccountStatus; status_reason: string | null }[]
  >(
    `update whatsapp_accounts a set status = ?, status_reason = ?, updated_at = now()
     from (select id, status as old_status, status_reason as old_reason from whatsapp_accounts
           where id in (select (jsonb_array_elements_text(?::jsonb))::uuid) and status in ${from} for update) old
     where a.id = old.id and (a.status <> ? or a.status_reason is distinct from ?)
     returning a.id, a.tenant_id, a.phone_number_id, old.old_status, old.old_reason, a.status, a.status_reason`,
    [status, reason, JSON.stringify(ids), status, reason],
  );
  return rows.map((r) => ({
    id: r.id,
    tenantId: r.tenant_id,
    phoneNumberId: r.phone_number_id,
    before: { status: r.old_status, statusReason: r.old_reason },
    after: { status: r.status, statusReason: r.status_reason },
  }));
}

/** Quality, tier and throughput from number and capability events; returns how many rows changed. */
export async function setAccountFields(em: EntityManager, ids: string[], fields: AccountFields): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await em.execute<{ id: string }[]>(
    `update whatsapp_accounts set
       quality_rating = coalesce(?, quality_rating),
       messaging_limit_tier = coalesce(?, messaging_limit_tier),
       throughput_level = coalesce(?, throughput_level),
       throughput_mps = coalesce(?::int, throughput_mps),
       updated_at = now()
     where id in (select (jsonb_array_elements_text(?::jsonb))::uuid) and status <> 'disconnected'
     returning id`,
    [fields.qualityRating ?? null, fields.messagingLimitTier ?? null, fields.throughputLevel ?? null, fields.throughputMps ?? null, JSON.stringify(ids)],
  );
  return rows.length;
}
