/**
 * One suppression model (ARCHITECTURE.md "Opt-outs"): a recipient is suppressed for a campaign
 * when the tenant has an active suppression (lifted_at is null) for the phone (or the contact's
 * business-scoped user id) with scope 'all', or scope 'marketing' and the template is MARKETING.
 * A contact with `opted_out_at` set counts as scope 'all'. Preflight, start and the sender all
 * use this predicate, so they can never disagree about who is reachable.
 */
import type { EntityManager } from '@dbulk/db';

export interface SuppressionSqlRefs {
  /** SQL expressions (columns or bind placeholders) naming the row being tested. */
  tenantId: string;
  phone: string;
  /** The template category ('MARKETING' | 'UTILITY' | 'AUTHENTICATION'), e.g. `c.category` or `?`. */
  category: string;
  /** The contact's bsuid column, when the query has the contact at hand. */
  bsuid?: string;
}

/** True when an active suppression row applies (opted-out contacts are tested separately). */
export function suppressedSql(refs: SuppressionSqlRefs): string {
  const key = refs.bsuid
    ? `(s.phone = ${refs.phone} or (${refs.bsuid} is not null and s.bsuid = ${refs.bsuid}))`
    : `s.phone = ${refs.phone}`;
  return `exists (select 1 from suppressions s
    where s.tenant_id = ${refs.tenantId} and ${key} and s.lifted_at is null
      and (s.scope = 'all' or (s.scope = 'marketing' and ${refs.category} = 'MARKETING')))`;
}

/** The whole rule for a contact row `alias` (contacts): opted out, or an active suppression applies. */
export function contactSuppressedSql(alias: string, category: string): string {
  return `(${alias}.opted_out_at is not null or ${suppressedSql({
    tenantId: `${alias}.tenant_id`,
    phone: `${alias}.phone`,
    bsuid: `${alias}.bsuid`,
    category,
  })})`;
}

/**
 * The phones among `phones` the tenant may not message with a template of `category`
 * (active suppression, or a contact of that phone opted out). For the sender's check at send time.
 */
export async function suppressedPhones(
  em: EntityManager,
  tenantId: string,
  category: string,
  phones: string[],
): Promise<Set<string>> {
  if (phones.length === 0) return new Set();
  const rows: { phone: string }[] = await em.execute(
    `select p.phone from jsonb_array_elements_text(?::jsonb) as p(phone)
     where ${suppressedSql({ tenantId: '?::uuid', phone: 'p.phone', category: '?::text' })}
        or exists (select 1 from contacts c where c.tenant_id = ?::uuid and c.phone = p.phone and c.opted_out_at is not null)`,
    [JSON.stringify(phones), tenantId, category, tenantId],
  );
  return new Set(rows.map((r) => r.phone));
}
