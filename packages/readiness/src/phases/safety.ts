/**
 * Phase E, safety: throttling first (see ./throttling), then pause/resume and the global kill
 * switch, each stopping a campaign mid-send and letting it finish after release (an admin rate
 * ceiling on the number keeps it sending when braked; the previous ceiling is restored).
 * The kill switch stops every tenant's sending for a few seconds: it is never touched when it
 * was already engaged, and always released by the check.
 */
import type { RunContext } from '../context';
import { sandboxPhones, uploadList } from '../campaigns';
import { SkipStep, StepFailure } from '../report';
import { REQUIRED_SAFETY_STEPS } from '../verdict';
import { stopAndGo, type Brake } from './stop-and-go';
import { throttlingStep } from './throttling';

const [PAUSE, RESUME, , KILL, RELEASE] = REQUIRED_SAFETY_STEPS;

async function skipAll(ctx: RunContext, names: readonly string[], reason: string) {
  for (const name of names)
    await ctx.rec.step(name, async () => {
      throw new SkipStep(reason);
    });
}

export async function safetyPhase(ctx: RunContext): Promise<void> {
  const { rec, admin, shared, tenant } = ctx;
  rec.phase('safety');
  const phoneNumberId = shared.phoneNumberId;
  // First, while the limiter still runs at the number's full rate (the brake tests' ceiling lowers it for minutes).
  if (phoneNumberId && shared.templateId) await throttlingStep(ctx);
  if (!admin || !phoneNumberId || !shared.templateId || !shared.mainListId) {
    await skipAll(ctx, [PAUSE, RESUME, KILL, RELEASE], !admin ? 'needs admin credentials (rate ceiling, kill switch)' : 'the earlier phases left no number, template or list');
    return;
  }
  const previous = (await admin.sending.rates.query()).find((r) => r.phoneNumberId === phoneNumberId)?.ceiling ?? null;
  const restore = () => admin.sending.setCeiling.mutate({ phoneNumberId, ceiling: previous });
  ctx.undo.add('rate ceiling', restore);
  await admin.sending.setCeiling.mutate({ phoneNumberId, ceiling: ctx.profile.pauseRate });
  try {
    const pausePhones = ctx.config.real ? ctx.config.real.recipients : sandboxPhones(ctx.profile.pauseRecipients);
    const pauseList = await rec.step('contacts for the brake tests uploaded', async () => ({ value: (await uploadList(ctx, 'pause', pausePhones)).listId }));
    if (pauseList) {
      const pause: Brake = {
        label: 'pause',
        engage: async (campaignId) => void (await tenant.campaigns.pause.mutate({ campaignId, reason: `readiness check ${ctx.run}` })),
        holds: async (s) => (s.status === 'PAUSED' ? null : `campaign is ${s.status} during the pause`),
        release: async (campaignId) => void (await tenant.campaigns.resume.mutate({ campaignId })),
      };
      await stopAndGo(ctx, pause, pauseList, pausePhones.length, { stop: PAUSE!, go: RESUME! });
    }
    const before = (await admin.system.settings.query()).killSwitch;
    if (before.engaged) {
      await rec.step(KILL!, async () => {
        throw new StepFailure('the kill switch is already engaged: the check does not release an emergency stop it did not make');
      });
    } else {
      const kill: Brake = {
        label: 'kill switch',
        engage: async () => void (await admin.system.setKillSwitch.mutate({ engaged: true, reason: `readiness check ${ctx.run}` })),
        holds: async () => ((await admin.system.settings.query()).killSwitch.engaged ? null : 'the kill switch is no longer engaged'),
        release: async () => void (await admin.system.setKillSwitch.mutate({ engaged: false, reason: `readiness check ${ctx.run} done` })),
      };
      await stopAndGo(ctx, kill, shared.mainListId, shared.mainRecipients?.length ?? 0, { stop: KILL!, go: RELEASE! });
    }
  } finally {
    await restore().catch((err: unknown) => ctx.print(`  ! could not restore the rate ceiling: ${String(err)}`));
    ctx.undo.remove('rate ceiling');
  }
}
