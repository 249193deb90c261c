/**
 * Platform settings. The global kill switch stops all sending at once; the sender reads it
 * before every batch (issue 4) and hears changes on `dbulk.control`.
 */
import { SystemSetting, User, type EntityManager } from '@dbulk/db';
import { invalid } from '@dbulk/errors';
import { recordAudit, type AuditActor } from './audit.service';

export const KILL_SWITCH_KEY = 'kill_switch';

export interface KillSwitchState {
  engaged: boolean;
  reason: string | null;
  changedAt: string | null;
  changedByEmail: string | null;
}

export async function getKillSwitch(em: EntityManager): Promise<KillSwitchState> {
  const row = await em.findOne(SystemSetting, { key: KILL_SWITCH_KEY });
  const value = (row?.value ?? {}) as { engaged?: boolean; reason?: string | null };
  const changedBy = row?.updatedBy ? await em.findOne(User, { id: row.updatedBy }, { fields: ['email'] }) : null;
  return {
    engaged: value.engaged === true,
    reason: value.reason ?? null,
    changedAt: row?.updatedBy ? row.updatedAt.toISOString() : null,
    changedByEmail: changedBy?.email ?? null,
  };
}

export async function setKillSwitch(em: EntityManager, actor: AuditActor, engaged: boolean, reason: string): Promise<KillSwitchState> {
  if (!reason.trim()) throw invalid('REASON_REQUIRED', 'reason is required to change the kill switch', { details: { field: 'reason' } });
  await em.transactional(async (tx) => {
    const before = await getKillSwitch(tx);
    const value = { engaged, reason: reason.trim() };
    await tx.upsert(SystemSetting, { key: KILL_SWITCH_KEY, value, updatedAt: new Date(), updatedBy: actor.userId });
    await recordAudit(tx, actor, {
      tenantId: null,
      action: engaged ? 'system.kill_switch.engaged' : 'system.kill_switch.released',
      targetType: 'system',
      targetId: KILL_SWITCH_KEY,
      changes: { before: { engaged: before.engaged, reason: before.reason }, after: value },
    });
  });
  return getKillSwitch(em.fork());
}
