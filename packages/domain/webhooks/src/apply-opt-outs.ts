/**
 * Opt-outs from what users send (opt-out-keywords.ts) and from Meta's 131050, into the one
 * suppression model. Inbound messages are handled in the order the users sent them, so a STOP
 * then START in one delivery ends opted in. Each opt-out and opt-in leaves an audit row.
 * @see /work/shared/meta/README.md §2.5, §4 (131050)
 */
import type { EntityManager } from '@dbulk/db';
import { recordAudit } from '@dbulk/domain-platform';
import type { InboundMessage, MessageStatus, WebhookContact } from '@dbulk/meta';
import { META_ACTOR } from './apply-account';
import { unixToIso } from './message-events';
import { decideOptOut, keywordSet } from './opt-out-keywords';
import { insertKeywordOptOut, insertMetaErrorSuppressions, liftKeywordOptOuts, tenantKeywords, type MetaErrorSuppression } from './opt-out.repository';
import { e164Of } from './preferences';
import type { SuppressionKey } from './suppression.repository';

export interface InboundForOptOut {
  tenantId: string;
  message: InboundMessage;
  contact: WebhookContact | undefined;
}

/** The texts of a message that may carry a keyword: a text body, a button's payload and label, a reply's id and title. */
function textsOf(message: InboundMessage): string[] {
  switch (message.kind) {
    case 'text':
      return [message.text.body];
    case 'button':
      return [message.button.payload, message.button.text].filter((t): t is string => Boolean(t));
    case 'interactive': {
      const reply = message.interactive.button_reply ?? message.interactive.list_reply;
      return reply ? [reply.id, reply.title] : [];
    }
    default:
      return [];
  }
}

/** Returns how many opt-outs and opt-ins were applied. */
export async function applyInboundOptOuts(em: EntityManager, inbound: InboundForOptOut[]): Promise<{ optedOut: number; optedIn: number }> {
  const result = { optedOut: 0, optedIn: 0 };
  const candidates = inbound.filter((i) => textsOf(i.message).length > 0);
  if (candidates.length === 0) return result;
  const keywords = await tenantKeywords(em, [...new Set(candidates.map((c) => c.tenantId))]);
  const sets = new Map([...keywords].map(([tenantId, list]) => [tenantId, keywordSet(list)]));
  const ordered = [...candidates].sort((a, b) => Number(a.message.timestamp) - Number(b.message.timestamp));
  for (const { tenantId, message, contact } of ordered) {
    const set = sets.get(tenantId);
    const decision = set ? decideOptOut(textsOf(message), set) : null;
    if (!decision) continue;
    const key: SuppressionKey = {
      tenantId,
      phone: e164Of(message.from ?? contact?.wa_id) ?? null,
      bsuid: (message.from_user_id ?? contact?.user_id)?.slice(0, 64) ?? null,
    };
    if (!key.phone && !key.bsuid) continue;
    const at = new Date(unixToIso(message.timestamp));
    const after = { phone: key.phone, bsuid: key.bsuid, keyword: decision.keyword, message: message.id, occurredAt: at.toISOString() };
    if (decision.action === 'opt_out') {
      const id = await insertKeywordOptOut(em, key, decision.scope, at, `typed "${decision.keyword}"`);
      if (id === 'stale') continue;
      result.optedOut += 1;
      if (id) await recordAudit(em, META_ACTOR, { tenantId, action: 'suppression.added', targetType: 'suppression', targetId: id, changes: { after: { ...after, scope: decision.scope, source: 'keyword' } } });
    } else {
      const ids = await liftKeywordOptOuts(em, key, at);
      result.optedIn += ids.length > 0 ? 1 : 0;
      for (const id of ids) await recordAudit(em, META_ACTOR, { tenantId, action: 'suppression.lifted', targetType: 'suppression', targetId: id, changes: { after: { ...after, liftedAt: at.toISOString() } } });
    }
  }
  return result;
}

/** Meta error 131050: the user stopped marketing messages from this business. */
export const STOPPED_MARKETING = 131050;

export async function applyStatusOptOuts(em: EntityManager, statuses: { tenantId: string; status: MessageStatus }[]): Promise<number> {
  const rows: MetaErrorSuppression[] = statuses.flatMap(({ tenantId, status }) => {
    const error = status.errors?.find((e) => e.code === STOPPED_MARKETING);
    if (status.status !== 'failed' || !error) return [];
    return [{
      tenantId,
      phone: e164Of(status.recipient_id) ?? null,
      bsuid: status.recipient_user_id?.slice(0, 64) ?? null,
      at: unixToIso(status.timestamp),
      reason: `Meta error ${STOPPED_MARKETING}: ${error.title ?? error.message ?? 'the user stopped marketing messages'}`,
    }];
  });
  return insertMetaErrorSuppressions(em, rows);
}
