/**
 * `account_update` → what happens to the tenant's connection. Events after which Meta will not
 * carry the tenant's messages (restriction, ban, app uninstalled, account deleted or offboarded,
 * partner removed) mark it `broken` with a reason a tenant can act on; a reinstatement or
 * reconnection marks a broken connection `connected` again; the rest are recorded only.
 * @see /work/shared/meta/README.md §2.6 (account_update)
 */
import type { AccountUpdate } from '@dbulk/meta';

export type AccountEffect =
  | { status: 'broken'; reason: string }
  | { status: 'connected'; reason: string }
  | { status: null; reason: string };

function when(value: unknown): string | undefined {
  const seconds = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : undefined;
  if (seconds !== undefined) return new Date(seconds * 1000).toISOString();
  return typeof value === 'string' && value ? value : undefined;
}

function banStates(value: AccountUpdate): string[] {
  const state = value.ban_info?.waba_ban_state;
  return state === undefined ? [] : Array.isArray(state) ? state : [state];
}

function restrictionReason(value: AccountUpdate): string {
  const items = (value.restriction_info ?? []).map((r) => {
    const until = when(r.expiration);
    return until ? `${r.restriction_type} until ${until}` : r.restriction_type;
  });
  const remediation = value.restriction_info?.find((r) => r.remediation)?.remediation;
  const list = items.length > 0 ? ` (${items.join(', ')})` : '';
  return `Meta restricted this WhatsApp Business Account${list}${remediation ? `: ${remediation}` : ''}`;
}

const BROKEN: Record<string, string> = {
  PARTNER_APP_UNINSTALLED: "The business removed dbulk's app from its WhatsApp Business Account; reconnect WhatsApp to send again",
  PARTNER_REMOVED: 'The business removed dbulk as a partner of its WhatsApp Business Account; reconnect WhatsApp to send again',
  ACCOUNT_DELETED: 'Meta deleted this WhatsApp Business Account',
  ACCOUNT_OFFBOARDED: "This WhatsApp Business Account was offboarded from dbulk's app; reconnect WhatsApp to send again",
};

export function accountEventEffect(value: AccountUpdate): AccountEffect {
  const { event } = value;
  if (event === 'ACCOUNT_RESTRICTION') return { status: 'broken', reason: restrictionReason(value) };
  if (BROKEN[event]) return { status: 'broken', reason: BROKEN[event] };
  if (event === 'ACCOUNT_RECONNECTED') return { status: 'connected', reason: 'Meta reported the account reconnected' };
  if (event === 'DISABLED_UPDATE') {
    const states = banStates(value);
    const date = value.ban_info?.waba_ban_date;
    if (states.includes('DISABLE')) return { status: 'broken', reason: `Meta disabled this WhatsApp Business Account${date ? ` on ${date}` : ''}` };
    if (states.includes('REINSTATE')) return { status: 'connected', reason: 'Meta reinstated the WhatsApp Business Account' };
    return { status: null, reason: `ban state ${states.join(', ') || 'missing'}${date ? ` (${date})` : ''}: recorded, the connection is unchanged` };
  }
  if (event === 'ACCOUNT_VIOLATION') {
    return { status: null, reason: `violation ${value.violation_info?.violation_type ?? 'of an unknown type'}: recorded, the connection is unchanged` };
  }
  return { status: null, reason: `${event}: recorded, the connection is unchanged` };
}
