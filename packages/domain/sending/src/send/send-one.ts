/**
 * One claimed message to Meta: wait for its rate slot, hold to the number's sliding second
 * (outside the concurrency slots; back to PENDING after WINDOW_PATIENCE_MS), stop if the gate
 * closed meanwhile, send the template with `dbulk:m:<id>` as callback data, and turn the answer
 * into an outcome (the bucket halves on throttling; a campaign pauses on needs-a-human).
 */
import { callbackDataFor } from '@dbulk/domain-campaigns';
import type { Logger } from '@dbulk/logger';
import { buildComponents } from './components';
import { decideFailure, DEFAULT_RETRY_POLICY, type SendOutcome } from './outcome';
import type { SendBatchDeps } from './send-batch';
import type { Attempt } from './write-outcomes';

/** A send held back longer than this by its number's window goes back to PENDING (the planner re-paces it). */
const WINDOW_PATIENCE_MS = 2_000;

export function createSendOne(deps: SendBatchDeps, log: Logger) {
  /**
   * Sleeps `ms`, or less when the gate stops something and `stopped` says it is this row's
   * campaign: a row reserved seconds ahead goes back to PENDING at a kill switch or a pause,
   * not when its slot comes.
   */
  async function waitUnlessStopped(ms: number, stopped: () => boolean): Promise<void> {
    const until = Date.now() + ms;
    for (let left = ms; left > 0 && !stopped(); left = until - Date.now()) {
      let timer: NodeJS.Timeout | undefined;
      let unsubscribe: () => void = () => undefined;
      await new Promise<void>((resolve) => {
        timer = setTimeout(resolve, left);
        unsubscribe = deps.gate.onStop(resolve);
      });
      clearTimeout(timer);
      unsubscribe();
    }
  }

  async function sendOne({ row, planned }: Omit<Attempt, 'outcome'>): Promise<SendOutcome> {
    const stopped = () => deps.gate.stopReason(row.tenant_id, row.campaign_id) !== null;
    if (planned.delay > 0) await waitUnlessStopped(planned.delay, stopped);
    const phone = planned.ctx.phoneNumberId;
    const since = Date.now();
    for (;;) {
      if (stopped()) return { kind: 'released' };
      // Held back by the number's sliding second (a halving or a new ceiling since the slot was
      // reserved): wait outside the concurrency slots, and give the row back if it takes long.
      const wait = deps.rates.windowWaitMs(phone);
      if (wait > 0) {
        if (Date.now() + wait - since > WINDOW_PATIENCE_MS) return { kind: 'released' };
        await waitUnlessStopped(wait, stopped);
        continue;
      }
      const outcome = await deps.semaphore.run(async (): Promise<SendOutcome | null> => {
        if (stopped()) return { kind: 'released' };
        // Another send took the window's last place while this one waited for a slot: wait again.
        return deps.rates.tryEnterWindow(phone) ? send(row, planned.ctx) : null;
      });
      if (outcome) return outcome;
    }
  }

  async function send(row: Attempt['row'], ctx: Attempt['planned']['ctx']): Promise<SendOutcome> {
    const components = buildComponents(ctx.template, row.variables ?? {});
    try {
      const result = await deps.graph.sendTemplate(ctx.phoneNumberId, ctx.token, {
        to: row.phone.replace(/^\+/, ''),
        template: {
          name: ctx.template.name,
          language: { code: ctx.template.language },
          ...(components.length ? { components } : {}),
        },
        bizOpaqueCallbackData: callbackDataFor(row.id),
      });
      deps.rates.get(ctx.phoneNumberId)?.onSuccess();
      deps.throughput.record(ctx.phoneNumberId, ctx.tenantId);
      return { kind: 'accepted', wamid: result.wamid };
    } catch (err) {
      const outcome = decideFailure(err, row.attempts, Date.now(), deps.retryPolicy ?? DEFAULT_RETRY_POLICY);
      if ((outcome.kind === 'retry' || outcome.kind === 'pause') && outcome.throttled)
        deps.rates.throttled(ctx.phoneNumberId);
      if (outcome.kind === 'pause') deps.gate.stopCampaign(row.campaign_id);
      if (outcome.kind !== 'retry')
        log.warn(
          { err, messageId: row.id, campaignId: row.campaign_id, outcome: outcome.kind },
          'send failed',
        );
      return outcome;
    }
  }

  return sendOne;
}
