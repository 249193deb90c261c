/**
 * Billing for platform admins: billed amount, Meta's cost and the margin per tenant for a
 * period; a tenant's balance, credit limit and adjustments (audited, with a reason); the rate
 * card in force on any date, and a new card's upload (row-level errors), its difference from
 * the card in force, and its application from an effective date (audited).
 */
import { z } from 'zod';
import type { TRPCRouterRecord } from '@trpc/server';
import {
  adjustBalance,
  applyRateCard,
  balanceOf,
  diffRateCard,
  marginReport,
  rateCardInForce,
  setCreditLimit,
  stageRateCard,
} from '@dbulk/domain-billing';
import { listCampaigns, startCampaign } from '@dbulk/domain-campaigns';
import { adminProcedure } from '../../trpc';
import { Id, Reason } from '../schemas';
import { BillingPeriod, Day } from '../shared/billing-period';

/** USD with at most 6 decimals (the ledger's scale). */
const Amount = z
  .number()
  .finite()
  .refine((n) => Math.abs(n) <= 1_000_000_000, 'at most 1,000,000,000')
  .refine((n) => Math.round(n * 1e6) / 1e6 === n, 'at most 6 decimals');
/** 1 MB of CSV is a few thousand rates; Meta's card has a few hundred rows. */
const RateCardCsv = z.string().min(1, 'the CSV is empty').max(1_000_000, 'at most 1 MB of CSV');

export const adminBillingRouter = {
  margins: adminProcedure
    .input(BillingPeriod.extend({ tenantId: Id.optional(), search: z.string().trim().max(120).optional() }))
    .query(({ ctx, input: { tenantId, search, ...period } }) =>
      marginReport(ctx.em, period, { tenantId, search }),
    ),
  balance: adminProcedure
    .input(z.object({ tenantId: Id }))
    .query(({ ctx, input }) => balanceOf(ctx.em, input.tenantId)),
  /** null removes the limit: the tenant's campaigns are no longer checked against credit. */
  setCreditLimit: adminProcedure
    .input(
      z.object({
        tenantId: Id,
        creditLimit: Amount.refine((n) => n >= 0, 'must be 0 or more').nullable(),
        reason: Reason,
      }),
    )
    .mutation(({ ctx, input }) => setCreditLimit(ctx.em, ctx.actor, input)),
  /** Positive credits the tenant, negative debits it. */
  adjust: adminProcedure
    .input(z.object({ tenantId: Id, amount: Amount.refine((n) => n !== 0, 'must not be 0'), reason: Reason }))
    .mutation(({ ctx, input }) => adjustBalance(ctx.em, ctx.actor, input)),
  /** A tenant's drafts, for starting one above its available credit. */
  draftCampaigns: adminProcedure
    .input(z.object({ tenantId: Id }))
    .query(({ ctx, input }) => listCampaigns(ctx.em, input.tenantId, { status: 'DRAFT', limit: 100 })),
  /**
   * Starts a tenant's draft although its quote exceeds the available credit: the hold is placed
   * anyway and the override is audited with the admin and the reason. Every other start rule holds.
   */
  startOverCredit: adminProcedure
    .input(z.object({ tenantId: Id, campaignId: Id, reason: Reason }))
    .mutation(({ ctx, input }) =>
      startCampaign(
        ctx.em,
        ctx,
        { ...ctx.actor, tenantId: input.tenantId, role: 'owner' },
        input.campaignId,
        {
          creditOverride: { actor: ctx.actor, reason: input.reason },
        },
      ),
    ),
  rateCard: adminProcedure
    .input(z.object({ date: Day }))
    .query(({ ctx, input }) => rateCardInForce(ctx.em, input.date)),
  /**
   * Parses and validates; any row error stages nothing and every error comes back with line and
   * field. A valid card is staged and returned with its difference from the card in force.
   */
  stageRateCard: adminProcedure
    .input(z.object({ csv: RateCardCsv, effectiveFrom: Day }))
    .mutation(async ({ ctx, input }) => {
      const staged = await stageRateCard(ctx.em, ctx.actor, input);
      return { ...staged, diff: staged.rateCardId ? await diffRateCard(ctx.em, staged.rateCardId) : null };
    }),
  diffRateCard: adminProcedure
    .input(z.object({ rateCardId: Id }))
    .query(({ ctx, input }) => diffRateCard(ctx.em, input.rateCardId)),
  applyRateCard: adminProcedure
    .input(z.object({ rateCardId: Id }))
    .mutation(({ ctx, input }) => applyRateCard(ctx.em, ctx.actor, input.rateCardId)),
} satisfies TRPCRouterRecord;
