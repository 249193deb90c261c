/**
 * Phase D, webhooks: Meta's signed status webhooks arrived through ingest and the processor and
 * were applied (every message of the main campaign has its sent and delivered times; in the
 * sandbox the template's approval came by webhook too), and ingest refuses what Meta did not
 * sign: a wrong signature and no signature get 401, a wrong verify token 403.
 */
import { randomBytes } from 'node:crypto';
import type { RunContext } from '../context';
import { allMessages } from '../campaigns';
import { HTTP_TIMEOUT_MS } from '../http';
import { SkipStep, StepFailure } from '../report';

function fakeStatusWebhook(): string {
  const status = { id: `wamid.readiness-${randomBytes(8).toString('hex')}`, status: 'delivered', timestamp: String(Math.floor(Date.now() / 1000)), recipient_id: '4915100000000' };
  const change = { field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550000000', phone_number_id: '1' }, statuses: [status] } };
  return JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: '1', changes: [change] }] });
}

async function post(ctx: RunContext, headers: Record<string, string>) {
  const response = await fetch(`${ctx.config.ingestUrl}/webhooks/whatsapp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: fakeStatusWebhook(),
    signal: AbortSignal.timeout(HTTP_TIMEOUT_MS),
  });
  await response.arrayBuffer();
  return response.status;
}

export async function webhooksPhase(ctx: RunContext): Promise<void> {
  const { rec, shared } = ctx;
  rec.phase('webhooks');
  await rec.step('status webhooks applied to every message', async () => {
    if (!shared.mainCampaignId) throw new StepFailure('the campaign phase sent nothing to check');
    const messages = await allMessages(ctx, shared.mainCampaignId);
    const missingSent = messages.filter((m) => !m.sentAt).length;
    const missingDelivered = messages.filter((m) => !m.deliveredAt).length;
    const read = messages.filter((m) => m.readAt).length;
    const detail = { messages: messages.length, withSentAt: messages.length - missingSent, withDeliveredAt: messages.length - missingDelivered, withReadAt: read };
    if (messages.length === 0 || missingSent || missingDelivered) throw new StepFailure(`${missingSent} messages without a sent time, ${missingDelivered} without a delivered time`, detail);
    return { value: true, detail };
  });
  if (ctx.sandbox) {
    await rec.step('template status webhook applied', async () => {
      if (!shared.approvedByWebhook) throw new StepFailure('the template reached APPROVED only by a refresh, not by Meta\'s status webhook');
      return { value: true };
    });
  }
  await rec.step('a webhook with a bad signature is refused (401)', async () => {
    const status = await post(ctx, { 'x-hub-signature-256': `sha256=${randomBytes(32).toString('hex')}` });
    if (status !== 401) throw new StepFailure(`ingest answered ${status}`);
    return { value: true, detail: { status } };
  });
  await rec.step('an unsigned webhook is refused (401)', async () => {
    const status = await post(ctx, {});
    if (status !== 401) throw new StepFailure(`ingest answered ${status}`);
    return { value: true, detail: { status } };
  });
  await rec.step('verify handshake refuses a wrong token (403)', async () => {
    const url = (token: string) => `${ctx.config.ingestUrl}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${encodeURIComponent(token)}&hub.challenge=4242`;
    const wrong = await fetch(url(`wrong-${randomBytes(6).toString('hex')}`), { signal: AbortSignal.timeout(HTTP_TIMEOUT_MS) });
    if (wrong.status !== 403) throw new StepFailure(`wrong verify token answered ${wrong.status}`);
    return { value: true, detail: { status: wrong.status } };
  });
  await rec.step('verify handshake answers Meta\'s challenge', async () => {
    if (!ctx.config.verifyToken) throw new SkipStep('no READINESS_WEBHOOK_VERIFY_TOKEN');
    const res = await fetch(`${ctx.config.ingestUrl}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${encodeURIComponent(ctx.config.verifyToken)}&hub.challenge=4242`, { signal: AbortSignal.timeout(HTTP_TIMEOUT_MS) });
    const body = await res.text();
    if (res.status !== 200 || body !== '4242') throw new StepFailure(`handshake answered ${res.status} ${body.slice(0, 100)}`);
    return { value: true };
  });
}
