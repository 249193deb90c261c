/**
 * The sender pauses a campaign itself when Meta says someone must act (expired token, payment,
 * restricted account): status PAUSED with a code and a reason the tenant reads, audited with
 * the actor "system", in the caller's transaction.
 */
import type { EntityManager } from '@dbulk/db';
import { recordAudit, type AuditActor } from '@dbulk/domain-platform';

export const SYSTEM_ACTOR: AuditActor = { userId: null, email: 'system', ip: null };

export interface PauseOrder {
  campaignId: string;
  statusCode: string;
  statusReason: string;
}

/** Returns the campaigns actually paused (those still RUNNING). */
export async function pauseCampaigns(em: EntityManager, orders: readonly PauseOrder[]): Promise<{ campaignId: string; tenantId: string }[]> {
  const paused: { campaignId: string; tenantId: string }[] = [];
  for (const order of orders) {
    const rows = await em.execute<{ id: string; tenant_id: string }[]>(
      `update campaigns set status = 'PAUSED', status_code = ?, status_reason = ?, updated_at = now()
       where id = ? and status = 'RUNNING' returning id, tenant_id`,
      [order.statusCode.slice(0, 64), order.statusReason, order.campaignId],
    );
    const row = rows[0];
    if (!row) continue;
    await recordAudit(em, SYSTEM_ACTOR, {
      tenantId: row.tenant_id,
      action: 'campaign.paused',
      targetType: 'campaign',
      targetId: row.id,
      changes: { before: { status: 'RUNNING' }, after: { status: 'PAUSED', statusCode: order.statusCode, statusReason: order.statusReason } },
    });
    paused.push({ campaignId: row.id, tenantId: row.tenant_id });
  }
  return paused;
}
