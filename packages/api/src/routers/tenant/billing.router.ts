/**
 * Billing for tenants, read-only: balance and credit, spend over a period (by day and category,
 * market and campaign), the ledger (paged, filtered) and its CSV export for owners and admins,
 * who answer for the tenant's spend; a campaign's estimate against actual for everyone who sees
 * the campaign. Writes (charges, holds, adjustments) happen elsewhere: webhooks and admins.
 */
import { z } from 'zod';
import type { TRPCRouterRecord } from '@trpc/server';
import { LEDGER_KINDS, PRICING_CATEGORIES } from '@dbulk/db';
import { balanceOf, campaignCost, ledgerPage, spendReport } from '@dbulk/domain-billing';
import { tenantProcedure } from '../../trpc';
import { Id, PageLimit } from '../schemas';
import { BillingPeriod, Day } from '../shared/billing-period';

const LedgerFilter = z.object({
  kind: z.enum(LEDGER_KINDS).optional(),
  category: z.enum(PRICING_CATEGORIES).optional(),
  campaignId: Id.optional(),
  from: Day.optional(),
  to: Day.optional(),
});
type LedgerFilterInput = z.infer<typeof LedgerFilter>;

/** A period needs both ends: one end alone names a single day. */
const filterOf = ({ from, to, ...rest }: LedgerFilterInput) => ({
  ...rest,
  period: from || to ? { from: (from ?? to)!, to: (to ?? from)! } : undefined,
});

export const billingRouter = {
  balance: tenantProcedure('admin').query(({ ctx }) => balanceOf(ctx.em, ctx.tenant.id)),
  spend: tenantProcedure('admin')
    .input(BillingPeriod)
    .query(({ ctx, input }) => spendReport(ctx.em, ctx.tenant.id, input)),
  ledger: tenantProcedure('admin')
    .input(
      LedgerFilter.extend({
        cursor: z
          .string()
          .regex(/^\d+$/)
          .meta({ examples: ['1'] })
          .optional(),
        limit: PageLimit,
      }),
    )
    .query(({ ctx, input: { cursor, limit, ...filter } }) =>
      ledgerPage(ctx.em, ctx.tenant.id, { ...filterOf(filter), cursor, limit }),
    ),
  campaignCost: tenantProcedure('viewer')
    .input(z.object({ campaignId: Id }))
    .query(({ ctx, input }) => campaignCost(ctx.em, ctx.tenant.id, input.campaignId)),
} satisfies TRPCRouterRecord;
