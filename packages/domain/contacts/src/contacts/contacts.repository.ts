/**
 * Contact reads: one SQL shape for the list and the detail, with the opt-out and suppression
 * state and list memberships, paged by phone (the unique (tenant_id, phone) index orders it).
 */
import type { EntityManager } from '@dbulk/db';
import type { ContactDto } from '../contacts.dto';

export interface ContactQuery {
  search?: string;
  listId?: string;
  tag?: string;
  optedOut?: boolean;
  /** The last phone of the previous page. */
  cursor?: string;
  limit: number;
}

interface ContactRowSql {
  id: string;
  phone: string;
  name: string | null;
  attributes: Record<string, string>;
  tags: string[];
  opt_in_source: string | null;
  opted_out_at: Date | null;
  suppressions: string[];
  list_ids: string[];
  created_at: Date;
  updated_at: Date;
}

const SELECT = `select c.id, c.phone, c.name, c.attributes, c.tags, c.opt_in_source, c.opted_out_at, c.created_at, c.updated_at,
  array(select distinct s.scope from suppressions s where s.tenant_id = c.tenant_id and s.phone = c.phone and s.lifted_at is null order by 1)::text[] as suppressions,
  array(select m.list_id from contact_list_members m where m.contact_id = c.id and m.tenant_id = c.tenant_id order by 1)::text[] as list_ids
  from contacts c`;

const iso = (value: Date | string) => new Date(value).toISOString();

function toDto(row: ContactRowSql): ContactDto {
  const suppressions = new Set(row.suppressions);
  if (row.opted_out_at) suppressions.add('all');
  return {
    id: row.id,
    phone: row.phone,
    name: row.name,
    attributes: row.attributes ?? {},
    tags: row.tags ?? [],
    optInSource: row.opt_in_source,
    optedOutAt: row.opted_out_at ? iso(row.opted_out_at) : null,
    suppressions: [...suppressions].sort(),
    listIds: row.list_ids ?? [],
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, '\\$&');

export async function findContacts(
  em: EntityManager,
  tenantId: string,
  query: ContactQuery,
): Promise<{ items: ContactDto[]; nextCursor: string | null }> {
  const where = ['c.tenant_id = ?'];
  const params: unknown[] = [tenantId];
  const search = query.search?.trim();
  if (search) {
    const digits = search.replace(/[^\d]/g, '');
    where.push(digits.length >= 3 ? '(c.phone like ? or c.name ilike ?)' : 'c.name ilike ?');
    if (digits.length >= 3) params.push(`%${digits}%`);
    params.push(`%${escapeLike(search)}%`);
  }
  if (query.listId) {
    where.push(
      'exists (select 1 from contact_list_members m where m.contact_id = c.id and m.list_id = ? and m.tenant_id = c.tenant_id)',
    );
    params.push(query.listId);
  }
  if (query.tag) {
    where.push('c.tags @> array[?]::text[]');
    params.push(query.tag);
  }
  if (query.optedOut !== undefined)
    where.push(query.optedOut ? 'c.opted_out_at is not null' : 'c.opted_out_at is null');
  if (query.cursor) {
    where.push('c.phone > ?');
    params.push(query.cursor);
  }
  params.push(query.limit + 1);
  const rows = await em.execute<ContactRowSql[]>(
    `${SELECT} where ${where.join(' and ')} order by c.phone limit ?`,
    params,
  );
  const items = rows.slice(0, query.limit).map(toDto);
  return { items, nextCursor: rows.length > query.limit ? items[items.length - 1]!.phone : null };
}

export async function findContact(
  em: EntityManager,
  tenantId: string,
  contactId: string,
): Promise<ContactDto | null> {
  const [row] = await em.execute<ContactRowSql[]>(`${SELECT} where c.tenant_id = ? and c.id = ?`, [
    tenantId,
    contactId,
  ]);
  return row ? toDto(row) : null;
}

export async function countContacts(em: EntityManager, tenantId: string): Promise<number> {
  const [row] = await em.execute<{ n: number }[]>(
    'select count(*)::int as n from contacts where tenant_id = ?',
    [tenantId],
  );
  return row?.n ?? 0;
}
