/**
 * The dataset's owner, signed up through the api itself (password hashing, tenant, membership),
 * with the same tRPC request builders the journeys use.
 */
import { loadConfig } from '../lib/config.ts';
import { trpcData, trpcMutation } from '../lib/trpc.ts';

export async function signUpOwner(apiUrl: string, origin: string | undefined, email: string, password: string): Promise<string> {
  const cfg = loadConfig({ API_URL: apiUrl, ORIGIN: origin });
  const spec = trpcMutation(cfg, 'auth.signUp', { email, password, name: 'Load Reader', tenantName: `Load reads ${email}` }, 'auth', null);
  const res = await fetch(spec.url, { method: spec.method, headers: spec.headers, body: spec.body ?? null });
  const reply = { status: res.status, body: await res.text(), headers: { 'set-cookie': res.headers.getSetCookie().join('\n') } };
  return trpcData<{ tenantId: string }>(reply, `auth.signUp ${email}`).tenantId;
}
