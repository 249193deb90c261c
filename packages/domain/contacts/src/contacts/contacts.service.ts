/**
 * Manual contact management: add, edit (phone re-normalised in the tenant's default country),
 * and opt out / back in. Scoped by tenant, audited in the same transaction.
 */
import { Contact, UniqueConstraintViolationException, type EntityManager } from '@dbulk/db';
import { recordAudit } from '@dbulk/domain-platform';
import type { ContactsActor } from '../contacts.actor';
import type { ContactDto } from '../contacts.dto';
import { ContactErrors } from '../contacts.errors';
import { splitTags } from '../import/contact-row';
import { requireList, tenantCountry, uuidArray } from '../lists/lists.repository';
import { normalizePhone } from '../phone';
import { findContact, findContacts, type ContactQuery } from './contacts.repository';

export interface ContactInput {
  phone: string;
  name?: string | null;
  attributes?: Record<string, string>;
  tags?: string[];
}

export async function listContacts(em: EntityManager, tenantId: string, query: ContactQuery) {
  // A list of another tenant says "not found" rather than quietly matching nothing.
  if (query.listId) await requireList(em, tenantId, query.listId);
  return findContacts(em, tenantId, query);
}

export async function contactById(
  em: EntityManager,
  tenantId: string,
  contactId: string,
): Promise<ContactDto> {
  const contact = await findContact(em, tenantId, contactId);
  if (!contact) throw ContactErrors.notFound(contactId);
  return contact;
}

async function e164(em: EntityManager, tenantId: string, raw: string): Promise<string> {
  const result = normalizePhone(raw, await tenantCountry(em, tenantId));
  if (!result.ok) throw ContactErrors.invalidPhone(raw, result.reason);
  return result.phone;
}

const cleanTags = (tags: string[]) => splitTags(tags.join('|')).sort();
const cleanName = (name: string | null | undefined) => name?.trim() || null;

async function saving<T>(phone: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof UniqueConstraintViolationException) throw ContactErrors.phoneTaken(phone);
    throw err;
  }
}

export async function createContact(
  em: EntityManager,
  actor: ContactsActor,
  input: ContactInput & { listIds?: string[] },
): Promise<ContactDto> {
  const phone = await e164(em, actor.tenantId, input.phone);
  const id = await saving(phone, () =>
    em.transactional(async (tx) => {
      const contact = tx.create(Contact, {
        tenant: actor.tenantId,
        phone,
        name: cleanName(input.name),
        attributes: input.attributes ?? {},
        tags: cleanTags(input.tags ?? []),
        optInSource: 'manual',
      });
      await tx.flush();
      if (input.listIds?.length) {
        await tx.execute(
          `insert into contact_list_members (list_id, contact_id, tenant_id, added_at)
           select l.id, ?, l.tenant_id, now() from contact_lists l where l.tenant_id = ? and l.id = any(?::uuid[]) on conflict do nothing`,
          [contact.id, actor.tenantId, uuidArray(input.listIds)],
        );
      }
      await recordAudit(tx, actor, {
        tenantId: actor.tenantId,
        action: 'contacts.created',
        targetType: 'contact',
        targetId: contact.id,
        changes: { after: { phone } },
      });
      return contact.id;
    }),
  );
  return contactById(em, actor.tenantId, id);
}

export async function updateContact(
  em: EntityManager,
  actor: ContactsActor,
  input: Partial<ContactInput> & { contactId: string },
): Promise<ContactDto> {
  const phone = input.phone === undefined ? undefined : await e164(em, actor.tenantId, input.phone);
  await saving(phone ?? '', () =>
    em.transactional(async (tx) => {
      const contact = await tx.findOne(Contact, { id: input.contactId, tenant: actor.tenantId });
      if (!contact) throw ContactErrors.notFound(input.contactId);
      const before = {
        phone: contact.phone,
        name: contact.name ?? null,
        tags: contact.tags,
        attributes: contact.attributes,
      };
      if (phone !== undefined) contact.phone = phone;
      if (input.name !== undefined) contact.name = cleanName(input.name);
      if (input.tags !== undefined) contact.tags = cleanTags(input.tags);
      if (input.attributes !== undefined) contact.attributes = input.attributes;
      await tx.flush();
      const after = {
        phone: contact.phone,
        name: contact.name ?? null,
        tags: contact.tags,
        attributes: contact.attributes,
      };
      await recordAudit(tx, actor, {
        tenantId: actor.tenantId,
        action: 'contacts.updated',
        targetType: 'contact',
        targetId: contact.id,
        changes: { before, after },
      });
    }),
  );
  return contactById(em, actor.tenantId, input.contactId);
}
