/**
 * Appliers for number- and WABA-level changes: account status (audited), phone quality and
 * throughput, portfolio messaging limit, and system-level errors (audited).
 */
import type { TenantProgress } from '@dbulk/domain-campaigns';
import type { EntityManager } from '@dbulk/db';
import { recordAudit, type AuditActor } from '@dbulk/domain-platform';
import type { WebhookChange } from '@dbulk/meta';
import { accountEventEffect } from './account-events';
import { setAccountFields, setAccountStatus } from './account.repository';
import { capabilityFields, hasFields, phoneQualityFields, type AccountFields } from './number-events';
import type { LiveAccount } from './routing';

/** Changes made because Meta said so: no user, no ip. */
export const META_ACTOR: AuditActor = { userId: null, email: null, ip: null };

/** `paused`: campaigns this change paused (template webhooks), to announce after commit. */
export type ApplyResult = { outcome: 'applied' | 'ignored'; note: string | null; paused?: TenantProgress[] };

const applied = (note: string | null = null): ApplyResult => ({ outcome: 'applied', note });
const ignored = (note: string): ApplyResult => ({ outcome: 'ignored', note });

type Of<K extends WebhookChange['kind']> = Extract<WebhookChange, { kind: K }>;

export async function applyAccountUpdate(em: EntityManager, change: Of<'account'>, accounts: LiveAccount[]): Promise<ApplyResult> {
  const effect = accountEventEffect(change.value);
  if (effect.status === null) return ignored(effect.reason);
  const reason = effect.status === 'connected' ? null : effect.reason;
  const changed = await setAccountStatus(em, accounts.map((a) => a.id), effect.status, reason);
  for (const row of changed) {
    if (row.before.status === row.after.status) continue;
    await recordAudit(em, META_ACTOR, {
      tenantId: row.tenantId,
      action: `whatsapp.account.${row.after.status}`,
      targetType: 'whatsapp_account',
      targetId: row.id,
      changes: { before: row.before, after: { ...row.after, event: change.value.event } },
    });
  }
  return changed.length > 0 ? applied(effect.reason) : applied(`${effect.reason} (no connection needed a change)`);
}

async function applyFields(em: EntityManager, accounts: LiveAccount[], fields: AccountFields, what: string): Promise<ApplyResult> {
  if (!hasFields(fields)) return ignored(`${what}: nothing dbulk stores`);
  await setAccountFields(em, accounts.map((a) => a.id), fields);
  return applied(null);
}

export function applyPhoneQuality(em: EntityManager, change: Of<'phone_quality'>, accounts: LiveAccount[]): Promise<ApplyResult> {
  return applyFields(em, accounts, phoneQualityFields(change.value), `phone quality event ${change.value.event}`);
}

/** The portfolio limit is shared by every number: all live accounts of the WABA get it. */
export function applyCapability(em: EntityManager, change: Of<'capability'>, accounts: LiveAccount[]): Promise<ApplyResult> {
  return applyFields(em, accounts, capabilityFields(change.value), 'capability update');
}

export async function applySystemError(em: EntityManager, change: Of<'system_error'>, tenantIds: string[]): Promise<ApplyResult> {
  const { code, title, message, error_data } = change.error;
  for (const tenantId of tenantIds) {
    await recordAudit(em, META_ACTOR, {
      tenantId,
      action: 'whatsapp.system_error',
      targetType: 'phone_number',
      targetId: change.phoneNumberId ?? change.wabaId,
      changes: { after: { code, title: title ?? message ?? null, details: error_data?.details ?? null } },
    });
  }
  return applied(`Meta error ${code}: ${title ?? message ?? 'no title'}`);
}
