/**
 * "Connect the sandbox number" in one click: ask the Meta sandbox (apps/meta-sandbox) for a new
 * WABA, number and token of this tenant's own, then connect it like a real account, so sandbox
 * tenants never share a number. Only where META_SANDBOX_URL is configured.
 */
import { request } from 'undici';
import type { EntityManager } from '@dbulk/db';
import { connectAccount, type TenantScopedActor, type WhatsappDeps } from './accounts.service';
import { WhatsappErrors } from './whatsapp.errors';

export async function connectSandboxAccount(em: EntityManager, deps: WhatsappDeps, actor: TenantScopedActor, sandboxUrl: string | null, businessName: string) {
  if (!sandboxUrl) throw WhatsappErrors.sandboxUnavailable();
  const response = await request(new URL('/_sandbox/accounts', sandboxUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ verified_name: businessName.slice(0, 60), waba_name: `${businessName.slice(0, 50)} (sandbox)` }),
    headersTimeout: 5_000,
    bodyTimeout: 5_000,
  });
  const body = (await response.body.json()) as { waba_id?: string; phone_number_id?: string; access_token?: string; error?: unknown };
  if (response.statusCode !== 201 || !body.waba_id || !body.phone_number_id || !body.access_token) {
    throw WhatsappErrors.sandboxUnavailable();
  }
  return connectAccount(em, deps, actor, { wabaId: body.waba_id, phoneNumberId: body.phone_number_id, accessToken: body.access_token, isSandbox: true });
}
