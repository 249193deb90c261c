/**
 * Which tenant a change belongs to, decided from the live WhatsApp accounts (status other than
 * `disconnected`; a `broken` connection still receives its webhooks, e.g. a reinstatement).
 *
 * - Number-level changes (statuses, inbound messages, errors, preferences, unknown data under
 *   `messages`) go by `metadata.phone_number_id`; without a match, by the WABA when exactly
 *   one tenant has live numbers on it.
 * - WABA-level changes (templates, capability, account) go to every live account of the
 *   WABA; the effect is WABA-wide, and the row names the tenant when there is only one.
 * - Phone quality names the number only by its display number, matched within the WABA.
 * Anything else is unroutable: recorded with the reason, and replayable once connected.
 */
import type { WebhookChange } from '@dbulk/meta';

export interface LiveAccount {
  id: string;
  tenantId: string;
  wabaId: string;
  phoneNumberId: string;
  displayPhoneNumber: string | null;
  status: 'connected' | 'broken';
}

export interface RoutingIndex {
  byPhone: Map<string, LiveAccount>;
  byWaba: Map<string, LiveAccount[]>;
}

export type Route =
  | { ok: true; tenantId: string | null; tenantIds: string[]; accounts: LiveAccount[]; by: 'phone_number_id' | 'waba_id' | 'display_phone_number' }
  | { ok: false; reason: string };

const WABA_LEVEL = new Set<WebhookChange['kind']>(['template_status', 'template_category', 'template_quality', 'capability', 'account']);

export function buildRoutingIndex(accounts: LiveAccount[]): RoutingIndex {
  const byPhone = new Map<string, LiveAccount>();
  const byWaba = new Map<string, LiveAccount[]>();
  for (const account of accounts) {
    byPhone.set(account.phoneNumberId, account);
    byWaba.set(account.wabaId, [...(byWaba.get(account.wabaId) ?? []), account]);
  }
  return { byPhone, byWaba };
}

const digits = (text: string) => text.replace(/\D/g, '');
const tenantsOf = (accounts: LiveAccount[]) => [...new Set(accounts.map((a) => a.tenantId))].sort();

function toWaba(accounts: LiveAccount[], by: 'waba_id' | 'display_phone_number'): Route {
  const tenantIds = tenantsOf(accounts);
  return { ok: true, tenantId: tenantIds.length === 1 ? tenantIds[0]! : null, tenantIds, accounts, by };
}

export function routeChange(change: Pick<WebhookChange, 'kind' | 'wabaId' | 'phoneNumberId' | 'displayPhoneNumber'>, index: RoutingIndex): Route {
  const wabaAccounts = index.byWaba.get(change.wabaId) ?? [];
  if (WABA_LEVEL.has(change.kind)) {
    return wabaAccounts.length > 0 ? toWaba(wabaAccounts, 'waba_id') : { ok: false, reason: `no live WhatsApp account has WABA ${change.wabaId}` };
  }
  if (change.kind === 'phone_quality') {
    if (wabaAccounts.length === 0) return { ok: false, reason: `no live WhatsApp account has WABA ${change.wabaId}` };
    if (!change.displayPhoneNumber) return toWaba(wabaAccounts, 'waba_id');
    const wanted = digits(change.displayPhoneNumber);
    const matching = wabaAccounts.filter((a) => a.displayPhoneNumber !== null && digits(a.displayPhoneNumber) === wanted);
    return matching.length > 0
      ? toWaba(matching, 'display_phone_number')
      : { ok: false, reason: `no live WhatsApp account of WABA ${change.wabaId} has display number ${change.displayPhoneNumber}` };
  }
  const account = change.phoneNumberId === undefined ? undefined : index.byPhone.get(change.phoneNumberId);
  if (account) return { ok: true, tenantId: account.tenantId, tenantIds: [account.tenantId], accounts: [account], by: 'phone_number_id' };
  const number = change.phoneNumberId === undefined ? 'no phone number id' : `phone number id ${change.phoneNumberId} is not connected`;
  const tenantIds = tenantsOf(wabaAccounts);
  if (tenantIds.length === 1) return toWaba(wabaAccounts, 'waba_id');
  if (tenantIds.length > 1) return { ok: false, reason: `${number} and WABA ${change.wabaId} is shared by ${tenantIds.length} tenants` };
  return { ok: false, reason: `${number} and no live WhatsApp account has WABA ${change.wabaId}` };
}
