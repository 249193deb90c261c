/**
 * A tenant's WhatsApp numbers: connect (validate with Meta, subscribe the app to the WABA's
 * webhooks, seal the token), re-validate, disconnect, and the credentials other services need.
 * Every query is scoped by the tenant; tokens are opened only in memory, for one call.
 */
import { WhatsappAccount, type EntityManager } from '@dbulk/db';
import { recordAudit, type AuditActor } from '@dbulk/domain-platform';
import { messagingLimitOf, type GraphClient } from '@dbulk/meta';
import { openToken, sealToken, tokenContext, type Keyring } from './token-crypto';
import { validateConnection, type ConnectionFacts, type ConnectionInput } from './validate-connection';
import { toAccountDto, type WhatsappAccountDto } from './account.dto';
import { WhatsappErrors } from './whatsapp.errors';

export interface WhatsappDeps {
  graph: GraphClient;
  keyring: Keyring;
  /** `APP_ID|APP_SECRET` when configured; otherwise the token inspects itself. */
  appToken?: string;
}

export interface TenantScopedActor extends AuditActor {
  tenantId: string;
}

const dto = (account: WhatsappAccount) => toAccountDto(account, messagingLimitOf(account.messagingLimitTier));

function factsToColumns(facts: ConnectionFacts) {
  return {
    displayPhoneNumber: facts.displayPhoneNumber,
    verifiedName: facts.verifiedName,
    qualityRating: facts.qualityRating,
    messagingLimitTier: facts.messagingLimitTier,
    throughputLevel: facts.throughputLevel,
    throughputMps: facts.throughputMps,
    scopes: facts.scopes,
    tokenExpiresAt: facts.tokenExpiresAt,
    wabaTimezoneId: facts.wabaTimezoneId,
    wabaCurrency: facts.wabaCurrency,
    lastValidatedAt: new Date(),
  };
}

export async function listAccounts(em: EntityManager, tenantId: string): Promise<WhatsappAccountDto[]> {
  const rows = await em.find(WhatsappAccount, { tenant: tenantId, status: { $ne: 'disconnected' } }, { orderBy: { createdAt: 'asc' } });
  return rows.map(dto);
}

async function ownAccount(em: EntityManager, tenantId: string, accountId: string): Promise<WhatsappAccount> {
  const account = await em.findOne(WhatsappAccount, { id: accountId, tenant: tenantId, status: { $ne: 'disconnected' } });
  if (!account) throw WhatsappErrors.accountNotFound(accountId);
  return account;
}

export async function accountById(em: EntityManager, tenantId: string, accountId: string): Promise<WhatsappAccountDto> {
  return dto(await ownAccount(em, tenantId, accountId));
}

/** The account and its opened token, for a single Graph call. Never return the token to a client. */
export async function accountCredentials(em: EntityManager, keyring: Keyring, tenantId: string, accountId: string) {
  const account = await ownAccount(em, tenantId, accountId);
  const token = openToken(keyring, account.accessTokenCiphertext, tokenContext(tenantId, account.phoneNumberId));
  return { account, token };
}

/** Checks with Meta and shows what would be connected, storing nothing. */
export function previewConnection(deps: WhatsappDeps, input: ConnectionInput): Promise<ConnectionFacts> {
  return validateConnection(deps.graph, input, deps.appToken);
}

export async function connectAccount(
  em: EntityManager,
  deps: WhatsappDeps,
  actor: TenantScopedActor,
  input: ConnectionInput & { isSandbox?: boolean },
): Promise<WhatsappAccountDto> {
  // Refused before Meta is asked: another tenant's live number is never touched.
  const live = await em.findOne(WhatsappAccount, { phoneNumberId: input.phoneNumberId, status: { $ne: 'disconnected' } });
  if (live && live.tenant.id !== actor.tenantId) throw WhatsappErrors.numberTaken(input.phoneNumberId);
  const facts = await validateConnection(deps.graph, input, deps.appToken);
  // Subscribing is idempotent at Meta; without it no webhook for this WABA reaches ingest.
  const subscribed = await deps.graph.subscribeApp(input.wabaId, input.accessToken);
  const sealed = sealToken(deps.keyring, input.accessToken, tokenContext(actor.tenantId, input.phoneNumberId));
  return em.transactional(async (tx) => {
    const columns = {
      ...factsToColumns(facts),
      wabaId: input.wabaId,
      status: 'connected' as const,
      statusReason: null,
      accessTokenCiphertext: sealed.ciphertext,
      accessTokenKeyId: sealed.keyId,
      webhookSubscribed: subscribed.success,
      isSandbox: input.isSandbox ?? false,
    };
    let account = live ? await tx.findOneOrFail(WhatsappAccount, { id: live.id }) : null;
    if (account) tx.assign(account, columns);
    else account = tx.create(WhatsappAccount, { tenant: actor.tenantId, phoneNumberId: input.phoneNumberId, ...columns });
    await tx.flush();
    await recordAudit(tx, actor, {
      tenantId: actor.tenantId,
      action: live ? 'whatsapp.account.reconnected' : 'whatsapp.account.connected',
      targetType: 'whatsapp_account',
      targetId: account.id,
      changes: { after: { wabaId: input.wabaId, phoneNumberId: input.phoneNumberId, displayPhoneNumber: facts.displayPhoneNumber, isSandbox: columns.isSandbox } },
    });
    return dto(account);
  });
}

/** Re-checks the stored token and facts; a refusal marks the connection broken with Meta's reason. */
export async function revalidateAccount(em: EntityManager, deps: WhatsappDeps, actor: TenantScopedActor, accountId: string) {
  const { account, token } = await accountCredentials(em, deps.keyring, actor.tenantId, accountId);
  const before = { status: account.status, statusReason: account.statusReason };
  try {
    const facts = await validateConnection(deps.graph, { wabaId: account.wabaId, phoneNumberId: account.phoneNumberId, accessToken: token }, deps.appToken);
    em.assign(account, { ...factsToColumns(facts), status: 'connected', statusReason: null });
  } catch (err) {
    em.assign(account, { status: 'broken', statusReason: (err as Error).message, lastValidatedAt: new Date() });
  }
  await em.transactional(async (tx) => {
    await tx.flush();
    await recordAudit(tx, actor, {
      tenantId: actor.tenantId,
      action: 'whatsapp.account.revalidated',
      targetType: 'whatsapp_account',
      targetId: account.id,
      changes: { before, after: { status: account.status, statusReason: account.statusReason } },
    });
  });
  return dto(account);
}

export async function disconnectAccount(em: EntityManager, deps: WhatsappDeps, actor: TenantScopedActor, accountId: string): Promise<void> {
  const { account, token } = await accountCredentials(em, deps.keyring, actor.tenantId, accountId);
  // Unsubscribe only when no other live number of this tenant shares the WABA; best effort.
  const siblings = await em.count(WhatsappAccount, { tenant: actor.tenantId, wabaId: account.wabaId, status: { $ne: 'disconnected' }, id: { $ne: account.id } });
  if (siblings === 0) await deps.graph.unsubscribeApp(account.wabaId, token).catch(() => undefined);
  await em.transactional(async (tx) => {
    // The token is destroyed, not kept: a disconnected number needs a fresh one to come back.
    await tx.nativeUpdate(WhatsappAccount, { id: account.id, tenant: actor.tenantId }, {
      status: 'disconnected',
      statusReason: 'disconnected by the tenant',
      accessTokenCiphertext: '',
      webhookSubscribed: false,
    });
    await recordAudit(tx, actor, { tenantId: actor.tenantId, action: 'whatsapp.account.disconnected', targetType: 'whatsapp_account', targetId: account.id });
  });
}

/** Re-seals every stored token that was sealed with a previous key. Returns how many changed. */
export async function rotateTokenKeys(em: EntityManager, keyring: Keyring): Promise<{ resealed: number; current: string }> {
  let resealed = 0;
  const rows = await em.find(WhatsappAccount, { accessTokenKeyId: { $ne: keyring.current.id }, accessTokenCiphertext: { $ne: '' } });
  for (const row of rows) {
    const context = tokenContext(row.tenant.id, row.phoneNumberId);
    const sealed = sealToken(keyring, openToken(keyring, row.accessTokenCiphertext, context), context);
    await em.nativeUpdate(WhatsappAccount, { id: row.id, accessTokenKeyId: row.accessTokenKeyId }, { accessTokenCiphertext: sealed.ciphertext, accessTokenKeyId: sealed.keyId });
    resealed++;
  }
  return { resealed, current: keyring.current.id };
}
