/**
 * Campaigns: list and detail for everyone in the tenant; drafts (create, edit, discard), preview
 * and preflight for members; start, pause, resume and cancel for admins and owners (they send on the tenant's
 * behalf and spend its messaging limit). onProgress streams live counters over SSE.
 */
import { z } from 'zod';
import type { TRPCRouterRecord } from '@trpc/server';
import { CAMPAIGN_STATUSES, MESSAGE_STATUSES } from '@dbulk/db';
import {
  campaignById,
  campaignVariables,
  controlCampaign,
  createCampaign,
  discardDraft,
  listCampaigns,
  listMessages,
  preflightCampaign,
  previewCampaign,
  startCampaign,
  tenantSendStats,
  updateCampaign,
} from '@dbulk/domain-campaigns';
import { tenantProcedure } from '../../trpc';
import { Id, PageLimit, Reason } from '../schemas';
import { campaignProgressStream } from './campaign-progress';

const Key = z.string().trim().min(1).max(100);
const VariableSource = z.discriminatedUnion('source', [
  z.object({ source: z.literal('field'), field: z.enum(['name', 'phone']) }),
  z.object({ source: z.literal('attribute'), key: Key, fallback: z.string().max(1024).optional() }),
  z.object({ source: z.literal('constant'), value: z.string().max(1024) }),
]);
const Draft = z.object({
  name: z.string().trim().min(1, 'name is required').max(200),
  accountId: Id,
  templateId: Id,
  listIds: z.array(Id).max(50).default([]),
  tagFilter: z.array(z.string().trim().min(1).max(64)).max(20).default([]),
  variableMapping: z.record(Key, VariableSource).default({}),
  /** Local time in the tenant's timezone (`2026-03-10T09:00`) or ISO with offset. */
  scheduledAt: z.string().trim().max(40).nullish(),
});
const ByCampaign = z.object({ campaignId: Id });

export const campaignsRouter = {
  /** Last 30 days of the tenant's sending, for the dashboard. */
  stats: tenantProcedure('viewer').query(({ ctx }) => tenantSendStats(ctx.em, ctx.tenant.id)),
  list: tenantProcedure('viewer')
    .input(
      z.object({ status: z.enum(CAMPAIGN_STATUSES).optional(), cursor: Id.optional(), limit: PageLimit }),
    )
    .query(({ ctx, input }) => listCampaigns(ctx.em, ctx.tenant.id, input)),
  byId: tenantProcedure('viewer')
    .input(ByCampaign)
    .query(({ ctx, input }) => campaignById(ctx.em, ctx.tenant.id, input.campaignId)),
  variables: tenantProcedure('viewer')
    .input(z.object({ templateId: Id }))
    .query(({ ctx, input }) => campaignVariables(ctx.em, ctx.tenant.id, input.templateId)),
  create: tenantProcedure('member')
    .input(Draft)
    .mutation(({ ctx, input }) => createCampaign(ctx.em, ctx.actor, input)),
  /** DRAFT only; every field optional. */
  update: tenantProcedure('member')
    .input(
      Draft.partial().extend({
        campaignId: Id,
        listIds: z.array(Id).max(50).optional(),
        tagFilter: z.array(z.string().trim().min(1).max(64)).max(20).optional(),
        variableMapping: z.record(Key, VariableSource).optional(),
      }),
    )
    .mutation(({ ctx, input: { campaignId, ...change } }) =>
      updateCampaign(ctx.em, ctx.actor, campaignId, change),
    ),
  /** Deletes a DRAFT; started campaigns are cancelled instead and keep their history. */
  discard: tenantProcedure('member')
    .input(z.object({ campaignId: Id }))
    .mutation(({ ctx, input }) => discardDraft(ctx.em, ctx.actor, input.campaignId)),
  preview: tenantProcedure('member')
    .input(ByCampaign.extend({ sample: z.number().int().min(1).max(20).optional() }))
    .query(({ ctx, input }) => previewCampaign(ctx.em, ctx.tenant.id, input.campaignId, input.sample)),
  preflight: tenantProcedure('member')
    .input(ByCampaign)
    .query(({ ctx, input }) => preflightCampaign(ctx.em, ctx.tenant.id, input.campaignId)),
  start: tenantProcedure('admin')
    .input(ByCampaign)
    .mutation(({ ctx, input }) => startCampaign(ctx.em, ctx, ctx.actor, input.campaignId)),
  pause: tenantProcedure('admin')
    .input(ByCampaign.extend({ reason: Reason.optional() }))
    .mutation(({ ctx, input }) =>
      controlCampaign(ctx.em, ctx, ctx.actor, input.campaignId, 'pause', input.reason),
    ),
  resume: tenantProcedure('admin')
    .input(ByCampaign)
    .mutation(({ ctx, input }) => controlCampaign(ctx.em, ctx, ctx.actor, input.campaignId, 'resume')),
  cancel: tenantProcedure('admin')
    .input(ByCampaign)
    .mutation(({ ctx, input }) => controlCampaign(ctx.em, ctx, ctx.actor, input.campaignId, 'cancel')),
  messages: tenantProcedure('viewer')
    .input(
      ByCampaign.extend({
        status: z.enum(MESSAGE_STATUSES).optional(),
        errorCode: z.number().int().optional(),
        needsReview: z.boolean().optional(),
        cursor: z
          .string()
          .regex(/^\d+$/)
          .meta({ examples: ['1'] })
          .optional(),
        limit: PageLimit,
      }),
    )
    .query(({ ctx, input: { campaignId, ...query } }) =>
      listMessages(ctx.em, ctx.tenant.id, campaignId, query),
    ),
  onProgress: tenantProcedure('viewer')
    .input(ByCampaign.extend({ lastEventId: z.string().nullish() }))
    .subscription(({ ctx, input, signal }) =>
      campaignProgressStream(ctx, ctx.tenant.id, input.campaignId, signal),
    ),
} satisfies TRPCRouterRecord;
