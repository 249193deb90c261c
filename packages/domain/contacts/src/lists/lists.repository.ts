/**
 * Lookups every contacts service scopes by tenant: a list of another tenant is "not found".
 */
import { ContactList, Tenant, type EntityManager } from '@dbulk/db';
import { ContactErrors } from '../contacts.errors';

export async function requireList(em: EntityManager, tenantId: string, listId: string): Promise<ContactList> {
  const list = await em.findOne(ContactList, { id: listId, tenant: tenantId });
  if (!list) throw ContactErrors.listNotFound(listId);
  return list;
}

/** The country that phone numbers without a country code are read in. */
export async function tenantCountry(em: EntityManager, tenantId: string): Promise<string> {
  const tenant = await em.findOneOrFail(Tenant, { id: tenantId }, { fields: ['defaultCountry'] });
  return tenant.defaultCountry;
}

export interface ListRow {
  id: string;
  name: string;
  description: string | null;
  members: number;
  created_at: Date;
}

export async function listsWithCounts(
  em: EntityManager,
  tenantId: string,
  listId?: string,
): Promise<ListRow[]> {
  return em.execute<ListRow[]>(
    `select l.id, l.name, l.description, l.created_at,
       (select count(*)::int from contact_list_members m where m.list_id = l.id and m.tenant_id = l.tenant_id) as members
     from contact_lists l where l.tenant_id = ? ${listId ? 'and l.id = ?' : ''} order by lower(l.name)`,
    listId ? [tenantId, listId] : [tenantId],
  );
}

/** A uuid[] literal: knex would expand a JS array bound to one `?` into a list of parameters. */
export function uuidArray(ids: string[]): string {
  return `{${ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id)).join(',')}}`;
}
