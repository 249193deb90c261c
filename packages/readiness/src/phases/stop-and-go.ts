/**
 * The shape both brakes are tested with: a campaign sending slowly (under a rate ceiling) is
 * stopped once a few messages went out; after the sends in flight settle, nothing more may be
 * accepted while the brake holds; after it is released the campaign finishes with every
 * message accepted once.
 */
import type { RunContext } from '../context';
import { acceptedOrLater, counters, createCampaign, settled, waitForCampaign, type CampaignState } from '../campaigns';
import { sleep } from '../http';
import { StepFailure } from '../report';

/** Sends already claimed when the brake comes finish; a send never waits longer than this after it. */
export const SETTLE_MS = 2_000;

export interface Brake {
  label: string;
  engage(campaignId: string): Promise<void>;
  /** Checked after the hold: the brake is still visibly on (campaign PAUSED, kill switch engaged). */
  holds(state: CampaignState): Promise<string | null>;
  release(campaignId: string): Promise<void>;
}

export async function stopAndGo(ctx: RunContext, brake: Brake, listId: string, total: number, steps: { stop: string; go: string }): Promise<void> {
  const { rec } = ctx;
  let campaignId: string | undefined;
  let engaged = false;
  try {
    const stopped = await rec.step(steps.stop, async () => {
      campaignId = await createCampaign(ctx, brake.label, listId);
      await ctx.tenant.campaigns.start.mutate({ campaignId });
      const threshold = Math.min(3, Math.floor(total / 3));
      if (threshold > 0) await waitForCampaign(ctx, campaignId, `${threshold} messages accepted before the brake`, (s) => acceptedOrLater(s.counters) >= threshold);
      const id = campaignId;
      await brake.engage(id);
      engaged = true;
      ctx.undo.add(brake.label, () => brake.release(id));
      await sleep(SETTLE_MS);
      const atStop = await counters(ctx, campaignId);
      await sleep(ctx.profile.holdMs);
      const after = await counters(ctx, campaignId);
      const detail = { acceptedAtStop: acceptedOrLater(atStop.counters), acceptedAfterHold: acceptedOrLater(after.counters), holdMs: ctx.profile.holdMs, total, status: after.status };
      if (acceptedOrLater(atStop.counters) >= total) throw new StepFailure(`the campaign finished before the ${brake.label} took effect (give more recipients or a lower rate)`, detail);
      if (acceptedOrLater(after.counters) !== acceptedOrLater(atStop.counters)) throw new StepFailure(`messages were accepted while the ${brake.label} held`, detail);
      const notHolding = await brake.holds(after);
      if (notHolding) throw new StepFailure(notHolding, detail);
      return { value: true, detail };
    });
    if (!stopped || !campaignId) return;
    const id = campaignId;
    await rec.step(steps.go, async () => {
      const released = Date.now();
      await brake.release(id);
      engaged = false;
      ctx.undo.remove(brake.label);
      const s = await waitForCampaign(ctx, id, 'every message settled after the release', (x) => settled(x.counters) >= total);
      const detail = { counters: s.counters, secondsAfterRelease: (Date.now() - released) / 1000 };
      if (acceptedOrLater(s.counters) !== total) throw new StepFailure(`${s.counters.failed} failed and ${s.counters.skipped} skipped of ${total}`, detail);
      return { value: true, detail };
    });
  } finally {
    if (engaged && campaignId) await brake.release(campaignId).catch((err: unknown) => ctx.print(`  ! could not release the ${brake.label}: ${String(err)}`));
    ctx.undo.remove(brake.label);
  }
}
