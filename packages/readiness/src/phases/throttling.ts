/**
 * Rate-limit handling, sandbox only (Meta's throttling cannot be provoked on a real number
 * without harm): the sandbox lowers the number's throughput to COEXISTENCE (20 msg/s) while
 * dbulk still believes 80, so Meta answers 130429; the sender must halve its rate, retry the
 * throttled messages, and finish with none failed for it.
 */
import type { RunContext } from '../context';
import { acceptedOrLater, createCampaign, sandboxPhones, settled, uploadList, waitForCampaign } from '../campaigns';
import { SkipStep, StepFailure } from '../report';
import { THROTTLING_STEP } from '../verdict';

export const THROTTLED = 130429;

export async function throttlingStep(ctx: RunContext): Promise<void> {
  await ctx.rec.step(THROTTLING_STEP, async () => {
    const { sandbox, shared } = ctx;
    if (!sandbox) throw new SkipStep('a real WABA cannot be throttled on purpose; proven against the sandbox');
    if (!shared.phoneNumberId) throw new StepFailure('no connected number');
    const phoneNumberId = shared.phoneNumberId;
    const total = ctx.profile.throttleRecipients;
    const { listId } = await uploadList(ctx, 'throttled', sandboxPhones(total));
    const before = await sandbox.rejected(THROTTLED);
    ctx.undo.add('sandbox throughput', () => sandbox.setThroughputLevel(phoneNumberId, 'STANDARD'));
    await sandbox.setThroughputLevel(phoneNumberId, 'COEXISTENCE');
    try {
      const campaignId = await createCampaign(ctx, 'throttled', listId);
      const started = Date.now();
      await ctx.tenant.campaigns.start.mutate({ campaignId });
      const s = await waitForCampaign(ctx, campaignId, 'every throttled message settled', (x) => settled(x.counters) >= total);
      const throttled = (await sandbox.rejected(THROTTLED)) - before;
      const rate = ctx.admin ? (await ctx.admin.sending.rates.query()).find((r) => r.phoneNumberId === phoneNumberId) : undefined;
      const detail = {
        counters: s.counters, seconds: (Date.now() - started) / 1000, throttledAnswers: throttled,
        rateAfter: rate?.rate, throughputMps: rate?.throughputMps, lastThrottledAt: rate?.lastThrottledAt,
      };
      if (throttled === 0) throw new StepFailure('the sandbox never answered 130429: nothing was proven', detail);
      if (s.counters.failed > 0 || acceptedOrLater(s.counters) !== total) throw new StepFailure(`${s.counters.failed} messages failed under throttling`, detail);
      if (rate && (!rate.lastThrottledAt || rate.rate >= rate.throughputMps)) throw new StepFailure('the limiter did not lower the number\'s rate after throttling', detail);
      return { value: true, detail };
    } finally {
      await sandbox.setThroughputLevel(phoneNumberId, 'STANDARD').catch(() => undefined);
      ctx.undo.remove('sandbox throughput');
    }
  });
}
