/**
 * Phase A, connection: the api and ingest answer their probes, the tenant (and the admin)
 * sign in, and the WhatsApp number is connected with a valid token — in sandbox mode a fresh
 * sandbox number of this run's own (its own portfolio, so earlier runs' messaging-limit usage
 * cannot hold this one), in real mode the given WABA, validated with Meta through the api.
 */
import { randomBytes } from 'node:crypto';
import type { RunContext } from '../context';
import { getJson } from '../http';
import { SkipStep, StepFailure } from '../report';

async function probe(base: string) {
  const [health, ready] = await Promise.all([getJson(`${base}/healthz`), getJson(`${base}/readyz`)]);
  if (health.status !== 200 || ready.status !== 200)
    throw new StepFailure(`${base}: /healthz ${health.status}, /readyz ${ready.status}`, { readyz: ready.body });
  return { value: true, detail: { readyz: ready.body } };
}

export async function connectionPhase(ctx: RunContext): Promise<void> {
  const { rec, config } = ctx;
  rec.phase('connection');
  await rec.step('api answers /healthz and /readyz', () => probe(config.apiUrl));
  await rec.step('ingest answers /healthz and /readyz', () => probe(config.ingestUrl));
  if (ctx.sandbox) {
    const sandbox = ctx.sandbox;
    await rec.step('sandbox control API reachable', async () => {
      if (!(await sandbox.reachable())) throw new StepFailure(`${sandbox.url}/_sandbox is not reachable (READINESS_SANDBOX_URL)`);
      return { value: true, detail: { url: sandbox.url } };
    });
  }
  const signedIn = await rec.step('tenant signs in', async () => {
    if (config.tenant) {
      await ctx.tenant.auth.signIn.mutate(config.tenant);
    } else {
      const email = `readiness-${ctx.run}@example.test`;
      await ctx.tenant.auth.signUp.mutate({ email, password: `${randomBytes(12).toString('hex')}-Rd1`, name: 'Readiness check', tenantName: `readiness ${ctx.run}` });
    }
    const me = await ctx.tenant.auth.me.query();
    if (!me?.currentTenantId) throw new StepFailure('signed in, but the session has no current tenant');
    const role = me.memberships.find((m) => m.tenantId === me.currentTenantId)?.role;
    if (role !== 'owner' && role !== 'admin') throw new StepFailure(`the tenant user is ${role}; starting campaigns needs owner or admin`);
    return { value: true, detail: { email: me.user.email, tenantId: me.currentTenantId, role, signedUp: !config.tenant } };
  });
  await rec.step('admin signs in', async () => {
    if (!ctx.admin || !config.admin) throw new SkipStep('no READINESS_ADMIN_EMAIL / READINESS_ADMIN_PASSWORD: the kill switch and rate ceilings cannot be tested');
    await ctx.admin.auth.signIn.mutate(config.admin);
    const me = await ctx.admin.auth.me.query();
    if (!me) throw new StepFailure('admin sign-in did not stick');
    const settings = await ctx.admin.system.settings.query();
    return { value: true, detail: { email: me.user.email, killSwitch: settings.killSwitch } };
  });
  if (!signedIn) return;
  await rec.step('WABA reachable and token valid', async () => {
    let account;
    if (config.real) {
      const real = config.real;
      const existing = (await ctx.tenant.whatsapp.list.query()).find((a) => a.phoneNumberId === real.phoneNumberId && a.status !== 'disconnected');
      if (existing) account = await ctx.tenant.whatsapp.revalidate.mutate({ accountId: existing.id });
      else {
        const input = { wabaId: real.wabaId, phoneNumberId: real.phoneNumberId, accessToken: real.accessToken };
        await ctx.tenant.whatsapp.validate.mutate(input);
        account = await ctx.tenant.whatsapp.connect.mutate(input);
      }
      if (account.isSandbox) throw new StepFailure('the connected account is a sandbox number, not a real WABA');
    } else {
      const connected = await ctx.tenant.whatsapp.connectSandbox.mutate();
      account = await ctx.tenant.whatsapp.revalidate.mutate({ accountId: connected.id });
    }
    const detail = {
      accountId: account.id, wabaId: account.wabaId, phoneNumberId: account.phoneNumberId, displayPhoneNumber: account.displayPhoneNumber,
      status: account.status, qualityRating: account.qualityRating, messagingLimitTier: account.messagingLimitTier, throughputMps: account.throughputMps,
      tokenExpiresAt: account.tokenExpiresAt, webhookSubscribed: account.webhookSubscribed, isSandbox: account.isSandbox,
    };
    if (account.status !== 'connected') throw new StepFailure(`account status is ${account.status}: ${account.statusReason ?? ''}`, detail);
    if (account.tokenExpiresAt && Date.parse(account.tokenExpiresAt) < Date.now() + 3_600_000) throw new StepFailure('the access token expires within the hour', detail);
    if (!account.webhookSubscribed) throw new StepFailure('the app is not subscribed to the WABA: no webhooks would arrive', detail);
    ctx.shared.accountId = account.id;
    ctx.shared.phoneNumberId = account.phoneNumberId;
    return { value: true, detail };
  });
}
