/**
 * The dashboard's numbers: what the tenant's campaigns sent in the last 30 days and how much of
 * it Meta delivered. One scan of the tenant's messages by `accepted_at` (indexed with tenant_id).
 */
import type { EntityManager } from '@dbulk/db';

export interface TenantSendStatsDto {
  /** Messages Meta accepted in the window (ACCEPTED and every later status, FAILED by Meta included). */
  sent: number;
  delivered: number;
  read: number;
  failed: number;
  /** delivered (or read) ÷ sent, null when nothing was sent. */
  deliveryRate: number | null;
  since: string;
}

export async function tenantSendStats(em: EntityManager, tenantId: string, days = 30): Promise<TenantSendStatsDto> {
  const since = new Date(Date.now() - days * 24 * 60 * 60 * 1000);
  const [row] = (await em.execute(
    `select count(*) as sent,
            count(*) filter (where status in ('DELIVERED', 'READ')) as delivered,
            count(*) filter (where status = 'READ') as read,
            count(*) filter (where status = 'FAILED') as failed
     from campaign_messages where tenant_id = ?::uuid and accepted_at >= ?`,
    [tenantId, since],
  )) as { sent: string; delivered: string; read: string; failed: string }[];
  const sent = Number(row?.sent ?? 0);
  const delivered = Number(row?.delivered ?? 0);
  return {
    sent,
    delivered,
    read: Number(row?.read ?? 0),
    failed: Number(row?.failed ?? 0),
    deliveryRate: sent === 0 ? null : delivered / sent,
    since: since.toISOString(),
  };
}
