/**
 * Contact lists: create, rename, delete (members go with the list, contacts stay), and
 * membership changes set-wise. Every write is scoped by tenant and audited in its transaction.
 */
import { ContactList, UniqueConstraintViolationException, type EntityManager } from '@dbulk/db';
import { recordAudit } from '@dbulk/domain-platform';
import type { ContactsActor } from '../contacts.actor';
import type { ContactListDto } from '../contacts.dto';
import { ContactErrors } from '../contacts.errors';
import { listsWithCounts, requireList, uuidArray, type ListRow } from './lists.repository';

const toDto = (row: ListRow): ContactListDto => ({
  id: row.id,
  name: row.name,
  description: row.description,
  members: row.members,
  createdAt: new Date(row.created_at).toISOString(),
});

export async function listLists(em: EntityManager, tenantId: string): Promise<ContactListDto[]> {
  return (await listsWithCounts(em, tenantId)).map(toDto);
}

async function listDto(em: EntityManager, tenantId: string, listId: string): Promise<ContactListDto> {
  const [row] = await listsWithCounts(em, tenantId, listId);
  if (!row) throw ContactErrors.listNotFound(listId);
  return toDto(row);
}

async function saveName(em: EntityManager, name: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (err) {
    if (err instanceof UniqueConstraintViolationException) throw ContactErrors.listNameTaken(name);
    throw err;
  }
}

export async function createList(
  em: EntityManager,
  actor: ContactsActor,
  input: { name: string; description?: string | null },
): Promise<ContactListDto> {
  let id = '';
  await saveName(em, input.name, () =>
    em.transactional(async (tx) => {
      const list = tx.create(ContactList, {
        tenant: actor.tenantId,
        name: input.name,
        description: input.description ?? null,
      });
      await tx.flush();
      id = list.id;
      await recordAudit(tx, actor, {
        tenantId: actor.tenantId,
        action: 'contacts.list_created',
        targetType: 'contact_list',
        targetId: id,
        changes: { after: { name: input.name } },
      });
    }),
  );
  return listDto(em, actor.tenantId, id);
}

export async function renameList(
  em: EntityManager,
  actor: ContactsActor,
  input: { listId: string; name: string },
): Promise<ContactListDto> {
  await saveName(em, input.name, () =>
    em.transactional(async (tx) => {
      const list = await requireList(tx, actor.tenantId, input.listId);
      const before = { name: list.name };
      list.name = input.name;
      await tx.flush();
      await recordAudit(tx, actor, {
        tenantId: actor.tenantId,
        action: 'contacts.list_renamed',
        targetType: 'contact_list',
        targetId: list.id,
        changes: { before, after: { name: input.name } },
      });
    }),
  );
  return listDto(em, actor.tenantId, input.listId);
}

export async function deleteList(em: EntityManager, actor: ContactsActor, listId: string): Promise<void> {
  await em.transactional(async (tx) => {
    const list = await requireList(tx, actor.tenantId, listId);
    await tx.execute('delete from contact_lists where id = ? and tenant_id = ?', [list.id, actor.tenantId]);
    await recordAudit(tx, actor, {
      tenantId: actor.tenantId,
      action: 'contacts.list_deleted',
      targetType: 'contact_list',
      targetId: listId,
      changes: { before: { name: list.name } },
    });
  });
}

/** Adds the tenant's contacts among `contactIds` (others' ids are ignored); returns how many were new members. */
export async function addToList(
  em: EntityManager,
  actor: ContactsActor,
  input: { listId: string; contactIds: string[] },
): Promise<{ added: number }> {
  return em.transactional(async (tx) => {
    await requireList(tx, actor.tenantId, input.listId);
    const rows = await tx.execute<{ n: number }[]>(
      `with added as (
         insert into contact_list_members (list_id, contact_id, tenant_id, added_at)
         select ?, c.id, c.tenant_id, now() from contacts c where c.tenant_id = ? and c.id = any(?::uuid[])
         on conflict do nothing returning 1)
       select count(*)::int as n from added`,
      [input.listId, actor.tenantId, uuidArray(input.contactIds)],
    );
    const added = rows[0]?.n ?? 0;
    await recordAudit(tx, actor, {
      tenantId: actor.tenantId,
      action: 'contacts.list_members_added',
      targetType: 'contact_list',
      targetId: input.listId,
      changes: { after: { added } },
    });
    return { added };
  });
}

export async function removeFromList(
  em: EntityManager,
  actor: ContactsActor,
  input: { listId: string; contactIds: string[] },
): Promise<{ removed: number }> {
  return em.transactional(async (tx) => {
    await requireList(tx, actor.tenantId, input.listId);
    const rows = await tx.execute<{ n: number }[]>(
      `with removed as (delete from contact_list_members where list_id = ? and tenant_id = ? and contact_id = any(?::uuid[]) returning 1)
       select count(*)::int as n from removed`,
      [input.listId, actor.tenantId, uuidArray(input.contactIds)],
    );
    const removed = rows[0]?.n ?? 0;
    await recordAudit(tx, actor, {
      tenantId: actor.tenantId,
      action: 'contacts.list_members_removed',
      targetType: 'contact_list',
      targetId: input.listId,
      changes: { after: { removed } },
    });
    return { removed };
  });
}
