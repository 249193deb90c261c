/**
 * Start: one transaction that writes a campaign_messages row for every recipient with ONE
 * `insert … select` (variables rendered in SQL from the mapping; SKIPPED rows carry their
 * reason, so every contact is accounted for) and sets the counters in the same statement.
 * The campaign becomes RUNNING, or SCHEDULED when its time is still ahead; the planner takes
 * it from there. Audited; a progress snapshot is published after commit.
 */
import type { EntityManager } from '@dbulk/db';
import { placeHold, type PrefixCount } from '@dbulk/domain-billing';
import { recordAudit, type AuditActor } from '@dbulk/domain-platform';
import type { TenantActor } from '@dbulk/domain-tenancy';
import { toDetailDto, type CampaignDetailDto } from './campaigns.dto';
import { CampaignErrors } from './campaigns.errors';
import { checkTemplateFits, lockCampaign, ownCampaign } from './campaigns.repository';
import type { ControlDeps } from './control.service';
import { announceProgress } from './progress';
import { preferHashJoins, recipientsCtes, usAreaCodesOf } from './recipients';
import { mappingSql, templateVariables, unmappedKeys } from './variables';

export interface StartResult {
  total: number;
  pending: number;
  skipped: number;
}

export async function startCampaign(
  em: EntityManager,
  deps: ControlDeps,
  actor: TenantActor,
  campaignId: string,
  /** An admin letting a campaign start above the tenant's available credit (audited). */
  options: { creditOverride?: { actor: AuditActor; reason: string } } = {},
): Promise<CampaignDetailDto> {
  const began = Date.now();
  const result = await em.transactional(async (tx) => {
    const row = await lockCampaign(tx, actor.tenantId, campaignId);
    if (row.status !== 'DRAFT') throw CampaignErrors.notStartable(row.name, row.status);
    checkTemplateFits(row.template, row.account);
    if (row.account.status !== 'connected') {
      throw CampaignErrors.accountNotConnected(
        row.account.displayPhoneNumber ?? row.account.phoneNumberId,
        row.account.status,
      );
    }
    if (row.listIds.length === 0) throw CampaignErrors.noLists();
    const keys = templateVariables(row.template).map((v) => v.key);
    const unmapped = unmappedKeys(keys, row.variableMapping);
    if (unmapped.length) throw CampaignErrors.unmapped(row.name, unmapped);

    const query = {
      tenantId: actor.tenantId,
      listIds: row.listIds,
      tagFilter: row.tagFilter,
      category: row.template.category,
    };
    const recipients = recipientsCtes(query, await usAreaCodesOf(tx, query));
    const values = mappingSql(keys, row.variableMapping, 'r');
    await preferHashJoins(tx);
    // The quote's prefix counts come from the same statement: no second pass over the new rows.
    // Messages hold E.164 (`+` then digits), so the first four digits are billing's `prefixSql`.
    const counts: { total: string; pending: string; skipped: string; prefixes: PrefixCount[] }[] =
      await tx.execute(
        `with ${recipients.sql},
       inserted as (
         insert into campaign_messages (tenant_id, campaign_id, contact_id, phone, variables, status, reason)
         select ?::uuid, ?::uuid, r.contact_id, r.phone,
                case when r.reason is null then ${values.sql} else '{}'::jsonb end,
                case when r.reason is null then 'PENDING' else 'SKIPPED' end, r.reason
         from recipients r
         returning status, phone),
       totals as (
         select count(*) as total, count(*) filter (where status = 'PENDING') as pending,
                count(*) filter (where status = 'SKIPPED') as skipped from inserted),
       counted as (
         update campaigns c set total = t.total, pending = t.pending, skipped = t.skipped, updated_at = now()
         from totals t where c.id = ?::uuid returning c.id),
       quoted as (
         select coalesce(json_agg(json_build_object('prefix', p.prefix, 'count', p.count)), '[]') as prefixes
         from (select substr(phone, 2, 4) as prefix, count(*)::int as count from inserted
               where status = 'PENDING' group by 1) p)
       select t.total, t.pending, t.skipped, q.prefixes from totals t, counted, quoted q`,
        [...recipients.params, actor.tenantId, campaignId, ...values.params, campaignId],
      );
    const totals = {
      total: Number(counts[0]?.total ?? 0),
      pending: Number(counts[0]?.pending ?? 0),
      skipped: Number(counts[0]?.skipped ?? 0),
    };
    if (totals.total === 0) throw CampaignErrors.noRecipients(row.name);
    // The quote is held against the tenant's credit; a quote above it refuses the start (rollback).
    if (totals.pending > 0) {
      const startsAt =
        row.scheduledAt && row.scheduledAt.getTime() > Date.now() ? row.scheduledAt : new Date();
      const hold = {
        tenantId: actor.tenantId,
        campaignId,
        campaignName: row.name,
        category: row.template.category,
        at: startsAt,
        prefixes: counts[0]?.prefixes ?? [],
      };
      await placeHold(tx, options.creditOverride ? { ...hold, override: options.creditOverride } : hold);
    }

    const now = new Date();
    const scheduled =
      row.scheduledAt !== null && row.scheduledAt !== undefined && row.scheduledAt.getTime() > now.getTime();
    const done = totals.pending === 0;
    // The counters were set by SQL; refresh them so the flush below does not write stale ones.
    await tx.refresh(row);
    tx.assign(row, {
      status: done ? 'COMPLETED' : scheduled ? 'SCHEDULED' : 'RUNNING',
      category: row.template.category,
      statusCode: null,
      statusReason: done ? 'every recipient was skipped' : null,
      startedAt: scheduled ? null : now,
      completedAt: done ? now : null,
    });
    await tx.flush();
    await recordAudit(tx, actor, {
      tenantId: actor.tenantId,
      action: 'campaign.started',
      targetType: 'campaign',
      targetId: campaignId,
      changes: { before: { status: 'DRAFT' }, after: { status: row.status, ...totals } },
    });
    return totals;
  });
  deps.logger?.info({ campaignId, ...result, ms: Date.now() - began }, 'campaign started');
  const fresh = em.fork();
  await announceProgress(fresh, deps.producer, [campaignId], deps.logger);
  return toDetailDto(await ownCampaign(fresh, actor.tenantId, campaignId));
}
