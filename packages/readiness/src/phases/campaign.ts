/**
 * Phase C, campaign execution: contacts uploaded as a CSV, a campaign on the approved template
 * with a clean preflight, started; every message accepted by Meta once, delivered (status
 * webhooks), the campaign completed, and its counters equal to a recount of its messages.
 * Real mode messages only READINESS_TEST_RECIPIENTS.
 */
import type { RunContext } from '../context';
import { acceptedOrLater, allMessages, createCampaign, sandboxPhones, settled, uploadList, waitForCampaign } from '../campaigns';
import { StepFailure } from '../report';
import { DELIVERED_STEP } from '../verdict';

const COUNTER_OF: Record<string, string> = {
  PENDING: 'pending', QUEUED: 'queued', SENDING: 'sending', RETRY_WAIT: 'retryWait', ACCEPTED: 'accepted',
  SENT: 'sent', DELIVERED: 'delivered', READ: 'read', FAILED: 'failed', SKIPPED: 'skipped',
};

export async function campaignPhase(ctx: RunContext): Promise<void> {
  const { rec, tenant, shared } = ctx;
  rec.phase('campaign');
  const phones = ctx.config.real ? ctx.config.real.recipients : sandboxPhones(ctx.profile.mainRecipients);
  const total = phones.length;
  const listId = await rec.step('contacts uploaded (POST /uploads/contacts)', async () => {
    const up = await uploadList(ctx, 'main', phones);
    return { value: up.listId, detail: { ...up, recipients: total } };
  });
  if (!listId) return;
  shared.mainListId = listId;
  shared.mainRecipients = phones;
  const campaignId = await rec.step('campaign created with a clean preflight', async () => {
    const id = await createCampaign(ctx, 'main', listId);
    const pre = await tenant.campaigns.preflight.query({ campaignId: id });
    const detail = { campaignId: id, recipients: pre.recipients, willSend: pre.willSend, skipped: pre.skipped, messagingLimit: pre.messagingLimit, unmapped: pre.unmapped };
    if (pre.recipients !== total || pre.willSend !== total) throw new StepFailure(`preflight: ${pre.willSend} of ${pre.recipients} would be sent, expected ${total}`, detail);
    if (pre.unmapped.length > 0 || !pre.messagingLimit.fits) throw new StepFailure('preflight: unmapped variables or over the messaging limit', detail);
    return { value: id, detail };
  });
  if (!campaignId) return;
  shared.mainCampaignId = campaignId;
  const started = Date.now();
  const ok = await rec.step('campaign started', async () => {
    const c = await tenant.campaigns.start.mutate({ campaignId });
    if (c.status !== 'RUNNING' && c.status !== 'COMPLETED') throw new StepFailure(`campaign is ${c.status} after start: ${c.statusReason ?? ''}`);
    return { value: true, detail: { status: c.status, total: c.counters.total } };
  });
  if (!ok) return;
  await rec.step('every message accepted by Meta', async () => {
    const s = await waitForCampaign(ctx, campaignId, 'every message settled', (x) => settled(x.counters) >= total);
    const detail = { counters: s.counters, seconds: (Date.now() - started) / 1000 };
    if (acceptedOrLater(s.counters) !== total) throw new StepFailure(`${s.counters.failed} failed and ${s.counters.skipped} skipped of ${total}`, detail);
    return { value: true, detail };
  });
  await rec.step(DELIVERED_STEP, async () => {
    const s = await waitForCampaign(ctx, campaignId, 'every message delivered', (x) => x.counters.delivered + x.counters.read >= total || x.counters.failed > 0);
    const detail = { counters: s.counters, seconds: (Date.now() - started) / 1000 };
    if (s.counters.delivered + s.counters.read !== total) throw new StepFailure(`${s.counters.failed} of ${total} failed after acceptance`, detail);
    return { value: true, detail };
  });
  await rec.step('campaign completed', async () => {
    const s = await waitForCampaign(ctx, campaignId, 'status COMPLETED', (x) => x.status === 'COMPLETED' || x.status === 'FAILED' || x.status === 'CANCELLED');
    if (s.status !== 'COMPLETED') throw new StepFailure(`campaign ended ${s.status}: ${s.statusReason ?? ''}`, { state: s });
    return { value: true, detail: { seconds: (Date.now() - started) / 1000 } };
  });
  await rec.step('counters equal a recount of the messages', async () => {
    const { counters: c } = await waitForCampaign(ctx, campaignId, 'counters', () => true);
    const messages = await allMessages(ctx, campaignId);
    const recount: Record<string, number> = {};
    for (const m of messages) recount[COUNTER_OF[m.status]!] = (recount[COUNTER_OF[m.status]!] ?? 0) + 1;
    const mismatches = Object.values(COUNTER_OF).filter((k) => (recount[k] ?? 0) !== (c as unknown as Record<string, number>)[k]);
    const wamids = new Set(messages.map((m) => m.wamid).filter(Boolean));
    const detail = { counters: c, recount, messages: messages.length, distinctWamids: wamids.size };
    if (messages.length !== total || c.total !== total) throw new StepFailure(`${messages.length} messages and total ${c.total}, expected ${total}`, detail);
    if (mismatches.length) throw new StepFailure(`counters differ from the recount: ${mismatches.join(', ')}`, detail);
    if (wamids.size !== total) throw new StepFailure(`${wamids.size} distinct wamids for ${total} messages`, detail);
    return { value: true, detail };
  });
  if (ctx.sandbox && shared.phoneNumberId) {
    const sandbox = ctx.sandbox;
    const phoneNumberId = shared.phoneNumberId;
    await rec.step('Meta received each message exactly once', async () => {
      const sends = await sandbox.sends(phoneNumberId);
      const per = new Map<string, number>();
      for (const s of sends) per.set(s.to, (per.get(s.to) ?? 0) + 1);
      const notOnce = phones.filter((p) => per.get(p.slice(1)) !== 1);
      if (notOnce.length) throw new StepFailure(`${notOnce.length} recipients did not receive exactly one message`, { notOnce: notOnce.slice(0, 10) });
      return { value: true, detail: { sandboxSends: sends.length } };
    });
  }
}
