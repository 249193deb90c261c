/**
 * Contacts of the current tenant: search and filters with cursor paging, detail, manual add and
 * edit (members and up), and opt out / back in. Phones are normalised by the domain in the
 * tenant's default country; errors name the field.
 */
import { z } from 'zod';
import type { TRPCRouterRecord } from '@trpc/server';
import { contactById, createContact, listContacts, setOptOut, updateContact } from '@dbulk/domain-contacts';
import { tenantProcedure } from '../../trpc';
import { Id, PageLimit } from '../schemas';

const Phone = z.string().trim().min(1, 'phone is required').max(40, 'phone has at most 40 characters');
const Name = z.string().trim().max(200, 'name has at most 200 characters').nullish();
const Attributes = z
  .record(z.string().trim().min(1).max(100), z.string().max(1000))
  .refine((value) => Object.keys(value).length <= 100, 'at most 100 attributes');
const Tags = z
  .array(z.string().trim().min(1).max(50, 'a tag has at most 50 characters'))
  .max(50, 'at most 50 tags');

export const contactsRouter = {
  list: tenantProcedure('viewer')
    .input(
      z
        .object({
          search: z.string().trim().max(100).optional(),
          listId: Id.optional(),
          tag: z.string().trim().min(1).max(50).optional(),
          optedOut: z.boolean().optional(),
          cursor: z.string().max(20).optional(),
          limit: PageLimit,
        })
        .default({ limit: 25 }),
    )
    .query(({ ctx, input }) => listContacts(ctx.em, ctx.tenant.id, input)),
  byId: tenantProcedure('viewer')
    .input(z.object({ contactId: Id }))
    .query(({ ctx, input }) => contactById(ctx.em, ctx.tenant.id, input.contactId)),
  create: tenantProcedure('member')
    .input(
      z.object({
        phone: Phone,
        name: Name,
        attributes: Attributes.optional(),
        tags: Tags.optional(),
        listIds: z.array(Id).max(50).optional(),
      }),
    )
    .mutation(({ ctx, input }) => createContact(ctx.em, ctx.actor, input)),
  update: tenantProcedure('member')
    .input(
      z.object({
        contactId: Id,
        phone: Phone.optional(),
        name: Name,
        attributes: Attributes.optional(),
        tags: Tags.optional(),
      }),
    )
    .mutation(({ ctx, input }) => updateContact(ctx.em, ctx.actor, input)),
  setOptOut: tenantProcedure('member')
    .input(z.object({ contactId: Id, optedOut: z.boolean(), reason: z.string().trim().max(500).nullish() }))
    .mutation(({ ctx, input }) => setOptOut(ctx.em, ctx.actor, input)),
} satisfies TRPCRouterRecord;
