import { z } from 'zod';
import type { TRPCRouterRecord } from '@trpc/server';
import { getKillSwitch, setKillSwitch } from '@dbulk/domain-platform';
import { adminProcedure } from '../../trpc';
import { Reason } from '../schemas';
import { publishControl } from '../shared/control';

export const systemRouter = {
  settings: adminProcedure.query(async ({ ctx }) => ({ killSwitch: await getKillSwitch(ctx.em) })),
  setKillSwitch: adminProcedure
    .input(z.object({ engaged: z.boolean(), reason: Reason }))
    .mutation(async ({ ctx, input }) => {
      const state = await setKillSwitch(ctx.em, ctx.actor, input.engaged, input.reason);
      await publishControl(ctx, { type: 'kill_switch', engaged: state.engaged });
      return state;
    }),
  health: adminProcedure.query(async ({ ctx }) => ({
    ...(await ctx.health()),
    version: ctx.version,
    uptimeSeconds: Math.round((Date.now() - ctx.startedAt.getTime()) / 1000),
  })),
} satisfies TRPCRouterRecord;
