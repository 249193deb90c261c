import { z } from 'zod';
import type { TRPCRouterRecord } from '@trpc/server';
import {
  accountById,
  connectAccount,
  connectSandboxAccount,
  disconnectAccount,
  listAccounts,
  previewConnection,
  revalidateAccount,
  sendTestMessage,
  testMessageStatus,
} from '@dbulk/domain-whatsapp';
import { tenantProcedure } from '../../trpc';
import { Id } from '../schemas';

const GraphId = (label: string) =>
  z.string().trim().regex(/^\d{5,32}$/, `${label} must be the numeric id from WhatsApp Manager`).meta({ examples: ['102290129340398'] });
const ConnectInput = z.object({
  wabaId: GraphId('wabaId'),
  phoneNumberId: GraphId('phoneNumberId'),
  accessToken: z.string().trim().min(8, 'accessToken looks too short').max(1024),
});
const Phone = z
  .string()
  .trim()
  .regex(/^\+?[1-9]\d{6,14}$/, 'to must be a phone number in international format, e.g. +14155550123')
  .meta({ examples: ['+14155550123'] });

export const whatsappRouter = {
  list: tenantProcedure('viewer').query(({ ctx }) => listAccounts(ctx.em, ctx.tenant.id)),
  byId: tenantProcedure('viewer')
    .input(z.object({ accountId: Id }))
    .query(({ ctx, input }) => accountById(ctx.em, ctx.tenant.id, input.accountId)),
  /** Checks with Meta and shows what would be connected; stores nothing. */
  validate: tenantProcedure('admin')
    .input(ConnectInput)
    .mutation(async ({ ctx, input }) => {
      const facts = await previewConnection(ctx.whatsapp, input);
      return { ...facts, tokenExpiresAt: facts.tokenExpiresAt?.toISOString() ?? null };
    }),
  connect: tenantProcedure('admin')
    .input(ConnectInput)
    .mutation(({ ctx, input }) => connectAccount(ctx.em, ctx.whatsapp, ctx.actor, input)),
  connectSandbox: tenantProcedure('admin').mutation(({ ctx }) =>
    connectSandboxAccount(ctx.em, ctx.whatsapp, ctx.actor, ctx.sandboxUrl, ctx.tenant.name),
  ),
  revalidate: tenantProcedure('admin')
    .input(z.object({ accountId: Id }))
    .mutation(({ ctx, input }) => revalidateAccount(ctx.em, ctx.whatsapp, ctx.actor, input.accountId)),
  disconnect: tenantProcedure('admin')
    .input(z.object({ accountId: Id }))
    .mutation(async ({ ctx, input }) => {
      await disconnectAccount(ctx.em, ctx.whatsapp, ctx.actor, input.accountId);
      return { ok: true as const };
    }),
  sendTest: tenantProcedure('member')
    .input(
      z.object({
        accountId: Id,
        to: Phone,
        templateName: z.string().regex(/^[a-z0-9_]{1,512}$/, 'templateName must be lowercase letters, digits and _').meta({ examples: ['hello_world'] }),
        language: z.string().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, 'language must look like en_US').meta({ examples: ['en_US'] }),
        bodyParameters: z.array(z.object({ name: z.string().max(60).optional(), value: z.string().min(1).max(1024) })).max(20).optional(),
      }),
    )
    .mutation(({ ctx, input }) => sendTestMessage(ctx.em, ctx.whatsapp, ctx.actor, input)),
  testStatus: tenantProcedure('member')
    .input(z.object({ wamid: z.string().min(10).max(200) }))
    .query(({ ctx, input }) => testMessageStatus(ctx.em, ctx.tenant.id, input.wamid)),
} satisfies TRPCRouterRecord;
