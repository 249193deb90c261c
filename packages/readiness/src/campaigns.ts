/**
 * Campaign plumbing shared by the phases, all through the api as a tenant would: a list filled
 * by the CSV upload (POST /uploads/contacts), a campaign on the approved template with every
 * variable mapped to the contact's name, start, and polling of its counters.
 */
import { randomInt } from 'node:crypto';
import type { RunContext } from './context';
import { waitFor } from './http';
import { StepFailure } from './report';

export type Counters = Awaited<ReturnType<RunContext['tenant']['campaigns']['byId']['query']>>['counters'];

/** Meta accepted it (ACCEPTED or any later status). */
export const acceptedOrLater = (c: Counters) => c.accepted + c.sent + c.delivered + c.read;
/** Nothing will change any more: accepted or later, failed or skipped. */
export const settled = (c: Counters) => acceptedOrLater(c) + c.failed + c.skipped;

/** Sandbox recipients: German mobiles (+49151…), unique within the run, never a real person's reachable test number. */
export function sandboxPhones(count: number, taken = new Set<string>()): string[] {
  const out: string[] = [];
  while (out.length < count) {
    const phone = `+49151${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
    if (!taken.has(phone)) {
      taken.add(phone);
      out.push(phone);
    }
  }
  return out;
}

export async function uploadList(ctx: RunContext, label: string, phones: string[]): Promise<{ listId: string; created: number; updated: number; rejected: number }> {
  const list = await ctx.tenant.lists.create.mutate({ name: `readiness ${ctx.run} ${label}` });
  const csv = `phone,name\n${phones.map((p, i) => `${p},Readiness ${i + 1}`).join('\n')}\n`;
  const query = new URLSearchParams({ fileName: `readiness-${label}.csv`, listId: list.id, mapping: JSON.stringify({ phone: 'phone', name: 'name' }) });
  const response = await ctx.tenantSession.fetch(`${ctx.config.apiUrl}/uploads/contacts?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: csv,
  });
  const body = (await response.json()) as { status?: string; created?: number; updated?: number; rejected?: number; errorMessage?: string | null };
  if (!response.ok || body.status === 'FAILED')
    throw new StepFailure(`contacts upload answered ${response.status}`, { body });
  if ((body.rejected ?? 0) > 0) throw new StepFailure(`contacts upload rejected ${body.rejected} of ${phones.length} rows`, { body });
  return { listId: list.id, created: body.created ?? 0, updated: body.updated ?? 0, rejected: body.rejected ?? 0 };
}

export async function createCampaign(ctx: RunContext, label: string, listId: string): Promise<string> {
  const { accountId, templateId } = ctx.shared;
  if (!accountId || !templateId) throw new StepFailure('no connected number or approved template from the earlier phases');
  const variables = await ctx.tenant.campaigns.variables.query({ templateId });
  const variableMapping = Object.fromEntries(variables.map((v) => [v.key, { source: 'field' as const, field: 'name' as const }]));
  const campaign = await ctx.tenant.campaigns.create.mutate({ name: `readiness ${ctx.run} ${label}`, accountId, templateId, listIds: [listId], variableMapping });
  return campaign.campaignId;
}

export async function counters(ctx: RunContext, campaignId: string) {
  const c = await ctx.tenant.campaigns.byId.query({ campaignId });
  return { status: c.status, statusCode: c.statusCode, statusReason: c.statusReason, counters: c.counters };
}

export type CampaignState = Awaited<ReturnType<typeof counters>>;

/** Polls the campaign until `done` holds; fails with the last state after the profile's step timeout. */
export async function waitForCampaign(ctx: RunContext, campaignId: string, what: string, done: (s: CampaignState) => boolean, timeoutMs = ctx.profile.stepTimeoutMs): Promise<CampaignState> {
  let last: CampaignState | undefined;
  try {
    return await waitFor(what, timeoutMs, async () => {
      last = await counters(ctx, campaignId);
      return done(last) ? last : undefined;
    });
  } catch (err) {
    throw new StepFailure(err instanceof Error ? err.message : String(err), { last });
  }
}

/** Every message of the campaign (pages of 100): the recount the counters are compared with. */
export async function allMessages(ctx: RunContext, campaignId: string) {
  const out: Awaited<ReturnType<RunContext['tenant']['campaigns']['messages']['query']>>['items'] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await ctx.tenant.campaigns.messages.query({ campaignId, limit: 100, ...(cursor ? { cursor } : {}) });
    out.push(...page.items);
    if (!page.nextCursor) return out;
    cursor = page.nextCursor;
  }
}
