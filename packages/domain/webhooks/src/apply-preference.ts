/**
 * Applies one `user_preferences` change to the routed tenant's marketing suppressions, in the
 * user's order (preferences.ts), with an audit row for every suppression added or lifted.
 */
import type { EntityManager } from '@dbulk/db';
import { recordAudit } from '@dbulk/domain-platform';
import type { WebhookChange } from '@dbulk/meta';
import { META_ACTOR, type ApplyResult } from './apply-account';
import { unixToIso } from './message-events';
import { decidePreference, e164Of } from './preferences';
import { findMarketingSuppressions, insertSuppression, liftSuppressions, type SuppressionKey } from './suppression.repository';

type Of<K extends WebhookChange['kind']> = Extract<WebhookChange, { kind: K }>;

export async function applyPreference(em: EntityManager, change: Of<'user_preference'>, tenantId: string): Promise<ApplyResult> {
  const { preference, contact } = change;
  if (preference.category !== 'marketing_messages') return { outcome: 'ignored', note: `preference category ${preference.category} is not handled` };
  const choice = preference.value.toLowerCase();
  if (choice !== 'stop' && choice !== 'resume') return { outcome: 'ignored', note: `preference value ${preference.value} is not stop or resume` };
  const key: SuppressionKey = {
    tenantId,
    phone: e164Of(preference.wa_id ?? contact?.wa_id) ?? null,
    bsuid: (preference.user_id ?? contact?.user_id)?.slice(0, 64) ?? null,
  };
  if (!key.phone && !key.bsuid) return { outcome: 'ignored', note: `neither a phone number nor a user id to suppress (wa_id ${preference.wa_id ?? 'missing'})` };
  const at = new Date(unixToIso(preference.timestamp));
  const decision = decidePreference(choice, at, await findMarketingSuppressions(em, key));
  const who = [key.phone, key.bsuid].filter(Boolean).join(' / ');
  const audit = (action: string, id: string, after: Record<string, unknown>) =>
    recordAudit(em, META_ACTOR, { tenantId, action, targetType: 'suppression', targetId: id, changes: { after: { phone: key.phone, bsuid: key.bsuid, ...after } } });

  switch (decision.action) {
    case 'none':
      return { outcome: 'ignored', note: decision.reason };
    case 'suppress': {
      const id = await insertSuppression(em, key, { occurredAt: at, liftedAt: null, reason: preference.detail ?? 'stopped marketing messages in WhatsApp' });
      if (!id) return { outcome: 'ignored', note: `${who} is already suppressed` };
      await audit('suppression.added', id, { scope: 'marketing', source: 'user_preferences', occurredAt: at.toISOString() });
      return { outcome: 'applied', note: null };
    }
    case 'lift':
      await liftSuppressions(em, decision.ids, at);
      for (const id of decision.ids) await audit('suppression.lifted', id, { liftedAt: at.toISOString() });
      return { outcome: 'applied', note: null };
    case 'mark_resumed':
      await insertSuppression(em, key, { occurredAt: at, liftedAt: at, reason: `resumed marketing messages: ${decision.note}` });
      return { outcome: 'applied', note: decision.note };
  }
}
