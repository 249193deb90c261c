/**
 * Usage of a portfolio's messaging limit: distinct phones the tenant's numbers of one WABA
 * had accepted by Meta in the last 24 h (rolling), and what is in flight towards it.
 */
import type { EntityManager } from '@dbulk/db';

export async function usedLast24h(em: EntityManager, tenantId: string, wabaId: string): Promise<number> {
  const rows: { n: string }[] = await em.execute(
    `select count(distinct m.phone) as n from campaign_messages m
     where m.tenant_id = ?::uuid and m.accepted_at > now() - interval '24 hours'
       and m.campaign_id in (select c.id from campaigns c join whatsapp_accounts a on a.id = c.account_id
                             where c.tenant_id = ?::uuid and a.waba_id = ?)`,
    [tenantId, tenantId, wabaId],
  );
  return Number(rows[0]?.n ?? 0);
}
