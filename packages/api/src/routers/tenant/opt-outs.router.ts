/**
 * The tenant's opt-out keywords: inbound messages matching one (case, accents and surrounding
 * punctuation ignored) suppress the sender for all messages. Admins change them; anyone reads.
 */
import { z } from 'zod';
import type { TRPCRouterRecord } from '@trpc/server';
import { getOptOutSettings, MAX_KEYWORD_LENGTH, MAX_KEYWORDS, setOptOutKeywords } from '@dbulk/domain-webhooks';
import { tenantProcedure } from '../../trpc';

export const SetOptOutKeywordsInput = z.object({
  /** null restores dbulk's multilingual defaults. */
  keywords: z
    .array(z.string().trim().min(1, 'a keyword cannot be empty').max(MAX_KEYWORD_LENGTH, `at most ${MAX_KEYWORD_LENGTH} characters`))
    .min(1, 'give at least one keyword, or restore the defaults')
    .max(MAX_KEYWORDS, `at most ${MAX_KEYWORDS} keywords`)
    .nullable(),
});

export const optOutsRouter = {
  settings: tenantProcedure('viewer').query(({ ctx }) => getOptOutSettings(ctx.em, ctx.tenant.id)),
  setKeywords: tenantProcedure('admin')
    .input(SetOptOutKeywordsInput)
    .mutation(({ ctx, input }) => setOptOutKeywords(ctx.em, ctx.actor, input.keywords)),
} satisfies TRPCRouterRecord;
