/**
 * Admin control of sending: every connected number's rate and ceiling, setting a ceiling
 * (audited, announced on dbulk.control), and the live platform throughput.
 */
import { z } from 'zod';
import type { TRPCRouterRecord } from '@trpc/server';
import { listNumberRates, setRateCeiling } from '@dbulk/domain-sending';
import { adminProcedure } from '../../trpc';
import { publishControl } from '../shared/control';
import { throughputStream } from './throughput-stream';

const PhoneNumberId = z.string().regex(/^\d{1,32}$/, 'a Meta phone number id (digits)');
/** Meta's highest throughput is 1,000 msg/s; null lifts the ceiling. */
const Ceiling = z.number().positive('must be above 0').max(1_000, 'Meta allows at most 1,000 messages per second').nullable();

export const adminSendingRouter = {
  rates: adminProcedure.query(({ ctx }) => listNumberRates(ctx.em)),
  setCeiling: adminProcedure
    .input(z.object({ phoneNumberId: PhoneNumberId, ceiling: Ceiling }))
    .mutation(({ ctx, input }) => setRateCeiling(ctx.em, ctx.actor, input, (record) => publishControl(ctx, record))),
  onThroughput: adminProcedure.subscription(({ ctx, signal }) => throughputStream(ctx, signal)),
} satisfies TRPCRouterRecord;
