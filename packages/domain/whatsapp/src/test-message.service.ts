/**
 * One template message to one number, to try a connection; its statuses come back through the
 * webhook path into message_events, where `testMessageStatus` reads them.
 */
import { MessageEvent, type EntityManager } from '@dbulk/db';
import { recordAudit } from '@dbulk/domain-platform';
import type { TenantScopedActor, WhatsappDeps } from './accounts.service';
import { accountCredentials } from './accounts.service';
import { WhatsappErrors } from './whatsapp.errors';

export interface TestMessageInput {
  accountId: string;
  to: string;
  templateName: string;
  language: string;
  /** Body variables in order ({{1}}, {{2}}…) or by name for NAMED templates. */
  bodyParameters?: { name?: string; value: string }[];
}

export async function sendTestMessage(em: EntityManager, deps: WhatsappDeps, actor: TenantScopedActor, input: TestMessageInput) {
  const { account, token } = await accountCredentials(em, deps.keyring, actor.tenantId, input.accountId);
  if (account.status !== 'connected') throw WhatsappErrors.notConnected(account.id, account.status);
  const parameters = (input.bodyParameters ?? []).map((p) => ({ type: 'text' as const, text: p.value, ...(p.name ? { parameter_name: p.name } : {}) }));
  const result = await deps.graph.sendTemplate(account.phoneNumberId, token, {
    to: input.to.replace(/^\+/, ''),
    template: {
      name: input.templateName,
      language: { code: input.language },
      ...(parameters.length ? { components: [{ type: 'body', parameters }] } : {}),
    },
    bizOpaqueCallbackData: `test:${actor.tenantId}`,
  });
  await recordAudit(em, actor, {
    tenantId: actor.tenantId,
    action: 'whatsapp.test_message.sent',
    targetType: 'whatsapp_account',
    targetId: account.id,
    changes: { after: { to: input.to, template: input.templateName, wamid: result.wamid } },
  });
  return { wamid: result.wamid, messageStatus: result.messageStatus ?? 'accepted' };
}

/** The statuses recorded so far for a message this tenant sent (oldest first). */
export async function testMessageStatus(em: EntityManager, tenantId: string, wamid: string) {
  const events = await em.find(MessageEvent, { tenantId, wamid, kind: 'status' }, { orderBy: { occurredAt: 'asc', id: 'asc' } });
  return events.map((e) => ({ status: e.status, at: e.occurredAt.toISOString(), errorCode: e.errorCode ?? null, errorTitle: e.errorTitle ?? null }));
}
