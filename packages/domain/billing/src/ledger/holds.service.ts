/**
 * Credit holds: starting a campaign quotes its PENDING recipients and holds the quote against
 * the tenant's available credit (refused with the amounts when it does not fit, unless an admin
 * overrides, audited); charges consume the hold; the end of the campaign releases the rest.
 * Runs inside the caller's (start) transaction; the tenant row lock serialises concurrent starts.
 */
import type { EntityManager } from '@dbulk/db';
import { recordAudit, type AuditActor } from '@dbulk/domain-platform';
import { creditExhausted, creditInsufficient } from '../billing.errors';
import { prefixSql, quotePrefixes, type PrefixCount, type QuoteDto } from '../pricing/quote';
import { balanceOf } from './balance';

export interface HoldInput {
  tenantId: string;
  campaignId: string;
  campaignName: string;
  /** The template category (the webhook's category may differ later; charges follow Meta). */
  category: string;
  /** When it starts sending (a scheduled start is priced by the card in force then). */
  at?: Date;
  /** An admin letting the campaign start above the available credit. */
  override?: { actor: AuditActor; reason: string };
  /** PENDING recipients by calling-code prefix (`prefixSql`), when the caller counted them already. */
  prefixes?: PrefixCount[];
}

export interface HoldResult {
  quote: QuoteDto;
  held: string;
  /** True when the quote exceeded the available credit and an admin override let it start. */
  overridden: boolean;
}

export async function placeHold(tx: EntityManager, input: HoldInput): Promise<HoldResult> {
  await tx.execute(`select 1 from tenants where id = ?::uuid for update`, [input.tenantId]);
  const prefixes: PrefixCount[] =
    input.prefixes ??
    (await tx.execute(
      `select ${prefixSql('phone')} as prefix, count(*)::int as count from campaign_messages
       where campaign_id = ?::uuid and status = 'PENDING' group by 1`,
      [input.campaignId],
    ));
  const quote = await quotePrefixes(tx, {
    tenantId: input.tenantId,
    category: input.category,
    prefixes,
    ...(input.at ? { at: input.at } : {}),
  });
  const balance = await balanceOf(tx, input.tenantId);
  const short = balance.available !== null && Number(quote.total) > Number(balance.available);
  if (short && !input.override) throw creditInsufficient(quote.total, balance.available!, input.campaignName);
  await tx.execute(
    `update campaigns set estimated_cost = ?::numeric, updated_at = now() where id = ?::uuid`,
    [quote.total, input.campaignId],
  );
  await tx.execute(
    `insert into credit_holds (id, created_at, updated_at, tenant_id, campaign_id, amount, consumed, override_by, override_reason)
     values (gen_random_uuid(), now(), now(), ?::uuid, ?::uuid, ?::numeric, 0, ?::uuid, ?)
     on conflict (campaign_id) do update set amount = excluded.amount, released_at = null, updated_at = now(),
       override_by = excluded.override_by, override_reason = excluded.override_reason`,
    [
      input.tenantId,
      input.campaignId,
      quote.total,
      short ? input.override!.actor.userId : null,
      short ? input.override!.reason : null,
    ],
  );
  if (short) {
    await recordAudit(tx, input.override!.actor, {
      tenantId: input.tenantId,
      action: 'billing.credit_override',
      targetType: 'campaign',
      targetId: input.campaignId,
      changes: {
        after: { quote: quote.total, available: balance.available, reason: input.override!.reason },
      },
    });
  }
  return { quote, held: quote.total, overridden: short };
}

/** Releases what the holds of ended campaigns did not consume (set-wise; idempotent). */
export async function releaseHolds(em: EntityManager, campaignIds: readonly string[]): Promise<number> {
  if (campaignIds.length === 0) return 0;
  const rows: unknown[] = await em.execute(
    `update credit_holds set released_at = now(), updated_at = now()
     where campaign_id in (select unnest(?::uuid[])) and released_at is null returning id`,
    [`{${campaignIds.join(',')}}`],
  );
  return rows.length;
}

/**
 * Resuming a campaign billing paused for lack of credit: refused while its tenant (under credit
 * control) still has no credit left and the campaign's hold is used up, so it is not resumed into
 * the same pause; an admin raises the limit or adds credit first.
 */
export async function assertCreditToResume(
  tx: EntityManager,
  input: { tenantId: string; campaignId: string; campaignName: string },
): Promise<void> {
  const balance = await balanceOf(tx, input.tenantId);
  if (balance.available === null || Number(balance.available) > 0) return;
  const [hold]: { remaining: string }[] = await tx.execute(
    `select greatest(amount - consumed, 0)::text as remaining from credit_holds where campaign_id = ?::uuid and released_at is null`,
    [input.campaignId],
  );
  if (hold && Number(hold.remaining) > 0) return;
  throw creditExhausted(balance.available, input.campaignName);
}
