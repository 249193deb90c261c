/**
 * The sender pauses a campaign itself when Meta says someone must act (expired token, payment,
 * restricted account): status PAUSED with a code and a reason the tenant reads, audited with
 * the actor "system", in the caller's transaction. When Meta refused the connection itself
 * (`accountBroken`), the number is marked broken with Meta's answer — what its page shows and
 * what start and resume check — and every other RUNNING campaign on it pauses with the same reason.
 */
import type { EntityManager } from '@dbulk/db';
import { recordAudit, type AuditActor } from '@dbulk/domain-platform';

export const SYSTEM_ACTOR: AuditActor = { userId: null, email: 'system', ip: null };

export interface PauseOrder {
  campaignId: string;
  statusCode: string;
  statusReason: string;
  /** Meta's answer, when it refused the connection: the number becomes `broken` with it. */
  accountBroken?: string;
}

export interface Paused {
  campaignId: string;
  tenantId: string;
  statusReason: string;
}

/** Returns the campaigns actually paused (those still RUNNING), including others on a broken number. */
export async function pauseCampaigns(em: EntityManager, orders: readonly PauseOrder[]): Promise<Paused[]> {
  const paused: Paused[] = [];
  for (const order of orders) {
    const row = await pauseOne(em, order);
    if (row) paused.push(row);
    if (!order.accountBroken) continue;
    const others = await markAccountBroken(em, order.campaignId, order.accountBroken);
    for (const campaignId of others) {
      if (paused.some((p) => p.campaignId === campaignId) || orders.some((o) => o.campaignId === campaignId)) continue;
      const other = await pauseOne(em, { ...order, campaignId, accountBroken: undefined });
      if (other) paused.push(other);
    }
  }
  return paused;
}

async function pauseOne(em: EntityManager, order: PauseOrder): Promise<Paused | null> {
  const rows = await em.execute<{ id: string; tenant_id: string }[]>(
    `update campaigns set status = 'PAUSED', status_code = ?, status_reason = ?, updated_at = now()
     where id = ? and status = 'RUNNING' returning id, tenant_id`,
    [order.statusCode.slice(0, 64), order.statusReason, order.campaignId],
  );
  const row = rows[0];
  if (!row) return null;
  await recordAudit(em, SYSTEM_ACTOR, {
    tenantId: row.tenant_id,
    action: 'campaign.paused',
    targetType: 'campaign',
    targetId: row.id,
    changes: { before: { status: 'RUNNING' }, after: { status: 'PAUSED', statusCode: order.statusCode, statusReason: order.statusReason } },
  });
  return { campaignId: row.id, tenantId: row.tenant_id, statusReason: order.statusReason };
}

/** Marks the campaign's number broken (once, audited) and returns the other RUNNING campaigns on it. */
async function markAccountBroken(em: EntityManager, campaignId: string, reason: string): Promise<string[]> {
  const marked = await em.execute<{ id: string; tenant_id: string; status_reason: string | null }[]>(
    `update whatsapp_accounts a set status = 'broken', status_reason = ?, updated_at = now()
     from campaigns c where c.id = ? and a.id = c.account_id and a.status = 'connected'
     returning a.id, a.tenant_id`,
    [reason, campaignId],
  );
  const account = marked[0];
  if (account) {
    await recordAudit(em, SYSTEM_ACTOR, {
      tenantId: account.tenant_id,
      action: 'whatsapp.account.broken',
      targetType: 'whatsapp_account',
      targetId: account.id,
      changes: { before: { status: 'connected' }, after: { status: 'broken', statusReason: reason } },
    });
  }
  const others = await em.execute<{ id: string }[]>(
    `select o.id from campaigns c join campaigns o on o.account_id = c.account_id and o.tenant_id = c.tenant_id
     where c.id = ? and o.id <> c.id and o.status = 'RUNNING'`,
    [campaignId],
  );
  return others.map((o) => o.id);
}
