/** Audit actions are dotted identifiers (`member.invited`); this turns them into short phrases. */
const PHRASES: Record<string, string> = {
  'user.signed_up': 'signed up',
  'user.signed_in': 'signed in',
  'user.password_changed': 'changed their password',
  'tenant.created': 'created the tenant',
  'member.invited': 'invited a member',
  'member.invitation_revoked': 'revoked an invitation',
  'member.joined': 'joined the tenant',
  'member.role_changed': 'changed a member’s role',
  'member.removed': 'removed a member',
  'whatsapp.account.connected': 'connected a WhatsApp number',
  'whatsapp.account.reconnected': 'reconnected a WhatsApp number',
  'whatsapp.account.revalidated': 're-validated a WhatsApp number',
  'whatsapp.account.disconnected': 'disconnected a WhatsApp number',
  'whatsapp.account.broken': 'marked a WhatsApp number broken',
  'whatsapp.test_message.sent': 'sent a test message',
  'template.draft_created': 'created a template draft',
  'template.draft_updated': 'edited a template draft',
  'template.submitted': 'submitted a template for review',
  'template.edited': 'edited and resubmitted a template',
  'template.refreshed': 'refreshed a template from Meta',
  'template.deleted': 'deleted a template',
  'template.imported': 'imported templates from WhatsApp',
  'template.approved': 'approved a template',
  'template.rejected': 'rejected a template',
  'template.paused': 'paused a template',
  'template.disabled': 'disabled a template',
  'template.recategorized': 'changed a template’s category',
};

function words(identifier: string): string {
  return identifier
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replaceAll(/[._-]+/g, ' ')
    .toLowerCase()
    .trim();
}

function afterValue(changes: unknown, key: string): string | undefined {
  if (typeof changes !== 'object' || changes === null) return undefined;
  const after = (changes as { after?: unknown }).after;
  if (typeof after !== 'object' || after === null) return undefined;
  const value = (after as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
}

export function describeAuditAction(action: string): string {
  const known = PHRASES[action];
  if (known) return known;
  const parts = action.split('.');
  if (parts.length < 2) return words(action);
  return `${words(parts.at(-1) ?? '')} (${words(parts.slice(0, -1).join(' '))})`;
}

/** The phrase plus the one detail that matters (who was invited, which role was given). */
export function describeAuditItem(item: { action: string; changes?: unknown }): string {
  const phrase = describeAuditAction(item.action);
  const email = afterValue(item.changes, 'email');
  const role = afterValue(item.changes, 'role');
  if (item.action === 'member.invited' && email) return `invited ${email}${role ? ` as ${role}` : ''}`;
  if (item.action === 'member.role_changed' && role) return `${phrase} to ${role}`;
  return phrase;
}

export interface FeedItem {
  id: string;
  createdAt: string;
}

/** Newest first, each id once: live events win over the initial page. */
export function mergeFeed<T extends FeedItem>(live: readonly T[], initial: readonly T[], max = 50): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const item of [...live, ...initial]) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    out.push(item);
  }
  return out.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt)).slice(0, max);
}
