/**
 * The set-wise half of an import: the staging table the COPY fills, and one statement that folds
 * it into contacts. Rows of the same phone are merged first (attributes of later rows win, tags
 * unioned, the last non-empty name), because ON CONFLICT may touch a row only once per statement.
 * An import never touches opted_out_at: opted-out contacts stay opted out.
 */
export const CREATE_STAGING = `create temp table import_rows (line int not null, phone text not null, name text, tags text[] not null, attributes jsonb not null) on commit drop`;

/** The distinct phones of this import so far: batches repeat phones, counts must not. */
export const CREATE_SEEN = `create temp table import_seen (phone text primary key) on commit drop`;

export const COPY_STAGING = `copy import_rows (line, phone, name, tags, attributes) from stdin`;

/** Tags travel joined by \\x1f (splitTags strips control characters). Params: $1 tenantId, $2 optInSource, $3 listId (or null). Returns { created, seen }: contacts inserted, and phones new to this import. */
export const MERGE_STAGING = `
with grouped as (
  select phone, count(*) as n,
    (array_agg(name order by line desc) filter (where name is not null))[1] as name,
    min(tags) as first_tags,
    string_agg(array_to_string(tags, E'\\x1f'), E'\\x1f') filter (where tags <> '{}') as all_tags,
    jsonb_agg(attributes order by line) filter (where attributes <> '{}') as attrs
  from import_rows
  group by phone
), src as (
  select phone, name,
    case when n = 1 then first_tags
      else coalesce(array(select distinct x from unnest(string_to_array(all_tags, E'\\x1f')) as x order by x), '{}') end as tags,
    case
      when attrs is null then '{}'::jsonb
      when jsonb_array_length(attrs) = 1 then attrs -> 0
      else (select jsonb_object_agg(e.key, e.value order by a.i) from jsonb_array_elements(attrs) with ordinality as a(o, i), jsonb_each(a.o) as e)
    end as attributes
  from grouped
), seen as (
  insert into import_seen (phone) select phone from grouped on conflict do nothing returning 1
), upserted as (
  insert into contacts as c (id, created_at, updated_at, tenant_id, phone, name, attributes, tags, opt_in_source)
  select gen_random_uuid(), now(), now(), $1::uuid, phone, name, attributes, tags, $2 from src
  on conflict (tenant_id, phone) do update set
    name = coalesce(excluded.name, c.name),
    attributes = c.attributes || excluded.attributes,
    tags = case when excluded.tags = '{}' then c.tags else array(select distinct x from unnest(c.tags || excluded.tags) as x order by x) end,
    updated_at = now()
  returning c.id, (c.xmax = 0) as created
), listed as (
  insert into contact_list_members (list_id, contact_id, tenant_id, added_at)
  select $3::uuid, id, $1::uuid, now() from upserted where $3::uuid is not null
  on conflict do nothing
)
select (select count(*) from upserted where created)::int as created, (select count(*) from seen)::int as seen`;
