/**
 * Contact lists with their member counts; create, rename and delete, and membership changes
 * (another tenant's contact ids are ignored, another tenant's list is not found).
 */
import { z } from 'zod';
import type { TRPCRouterRecord } from '@trpc/server';
import {
  addToList,
  createList,
  deleteList,
  listLists,
  removeFromList,
  renameList,
} from '@dbulk/domain-contacts';
import { tenantProcedure } from '../../trpc';
import { Id } from '../schemas';

const ListName = z.string().trim().min(1, 'name is required').max(120, 'name has at most 120 characters');
const Membership = z.object({
  listId: Id,
  contactIds: z
    .array(Id)
    .min(1, 'choose at least one contact')
    .max(10_000, 'at most 10,000 contacts at a time')
    .meta({ examples: [['00000000-0000-4000-8000-000000000000']] }),
});

export const listsRouter = {
  list: tenantProcedure('viewer').query(({ ctx }) => listLists(ctx.em, ctx.tenant.id)),
  create: tenantProcedure('member')
    .input(z.object({ name: ListName, description: z.string().trim().max(1000).nullish() }))
    .mutation(({ ctx, input }) => createList(ctx.em, ctx.actor, input)),
  rename: tenantProcedure('member')
    .input(z.object({ listId: Id, name: ListName }))
    .mutation(({ ctx, input }) => renameList(ctx.em, ctx.actor, input)),
  delete: tenantProcedure('admin')
    .input(z.object({ listId: Id }))
    .mutation(({ ctx, input }) => deleteList(ctx.em, ctx.actor, input.listId)),
  addContacts: tenantProcedure('member')
    .input(Membership)
    .mutation(({ ctx, input }) => addToList(ctx.em, ctx.actor, input)),
  removeContacts: tenantProcedure('member')
    .input(Membership)
    .mutation(({ ctx, input }) => removeFromList(ctx.em, ctx.actor, input)),
} satisfies TRPCRouterRecord;
