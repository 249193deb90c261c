/**
 * A tenant owner's own brake: stop (or restart) the tenant's sending. Audited like the admin's
 * switch; an owner cannot lift a stop a platform admin pulled (billing, abuse) — only an admin can.
 * The caller announces the change on dbulk.control.
 */
import type { EntityManager } from '@dbulk/db';
import { forbidden } from '@dbulk/errors';
import type { AuditActor } from '@dbulk/domain-platform';
import { setTenantSending } from '@dbulk/domain-tenancy';

/** True when the tenant's sending was last turned off by a platform admin. */
export async function stoppedByAdmin(em: EntityManager, tenantId: string): Promise<boolean> {
  const rows = await em.execute<{ action: string; admin: boolean | null }[]>(
    `select a.action, u.is_platform_admin as admin from audit_logs a left join users u on u.id = a.actor_user_id
     where a.tenant_id = ? and a.action in ('tenant.sending_enabled', 'tenant.sending_disabled')
     order by a.id desc limit 1`,
    [tenantId],
  );
  const last = rows[0];
  return last?.action === 'tenant.sending_disabled' && last.admin === true;
}

export async function setOwnTenantSending(em: EntityManager, actor: AuditActor & { tenantId: string }, enabled: boolean, reason: string) {
  if (enabled && (await stoppedByAdmin(em, actor.tenantId))) {
    throw forbidden('SENDING_STOPPED_BY_ADMIN', 'sending was stopped by a platform admin; contact support to restart it');
  }
  return setTenantSending(em, actor, actor.tenantId, enabled, reason);
}
