/**
 * Pause, resume and cancel. Each is one transaction (status, messages, counters, audit); after
 * commit a `dbulk.control` record tells every sender within a second and a progress snapshot
 * goes to `dbulk.events`. Senders also re-read the status (cached at most 1 s), so a lost record
 * delays a pause by a second at most.
 */
import { assertCreditToResume, CREDIT_EXHAUSTED_CODE, releaseHolds } from '@dbulk/domain-billing';
import { controlScope, type ControlRecord } from '@dbulk/kafka';
import type { EntityManager } from '@dbulk/db';
import { recordAudit } from '@dbulk/domain-platform';
import type { TenantActor } from '@dbulk/domain-tenancy';
import type { Logger } from '@dbulk/logger';
import { toDetailDto, type CampaignDetailDto } from './campaigns.dto';
import { CampaignErrors } from './campaigns.errors';
import { lockCampaign, ownCampaign } from './campaigns.repository';
import { counterDeltaCtes } from './messages/counters';
import { announceProgress, type CampaignProducer } from './progress';

export interface ControlDeps {
  producer?: CampaignProducer;
  logger?: Logger;
}

type Action = 'pause' | 'resume' | 'cancel';

const ALLOWED: Record<Action, readonly string[]> = {
  pause: ['RUNNING', 'SCHEDULED'],
  resume: ['PAUSED'],
  cancel: ['DRAFT', 'SCHEDULED', 'RUNNING', 'PAUSED'],
};

/** Moves the campaign's messages in `from` to `to` (with reason), counters in the same statement. */
export async function moveMessages(
  tx: EntityManager,
  campaignId: string,
  from: string[],
  to: string,
  reason: string | null,
): Promise<number> {
  const rows: { n: string }[] = await tx.execute(
    `with old as (
       select id, campaign_id, status from campaign_messages
       where campaign_id = ?::uuid and status in (select jsonb_array_elements_text(?::jsonb)) for update),
     moved as (
       update campaign_messages m set status = ?, reason = coalesce(?::text, m.reason), updated_at = now()
       from old where m.id = old.id
       returning m.id, m.campaign_id, old.status as old_status, m.status as new_status),
     ${counterDeltaCtes('moved')}
     select count(*) as n from moved`,
    [campaignId, JSON.stringify(from), to, reason],
  );
  return Number(rows[0]?.n ?? 0);
}

export async function sendControl(deps: ControlDeps, record: ControlRecord): Promise<void> {
  if (!deps.producer) return;
  try {
    await deps.producer.send('dbulk.control', [{ key: controlScope(record), value: record }]);
  } catch (err) {
    deps.logger?.warn(
      { err, record },
      'control record not produced; senders fall back to the status they re-read each second',
    );
  }
}

export async function controlCampaign(
  em: EntityManager,
  deps: ControlDeps,
  actor: TenantActor,
  campaignId: string,
  action: Action,
  reason?: string,
): Promise<CampaignDetailDto> {
  await em.transactional(async (tx) => {
    const row = await lockCampaign(tx, actor.tenantId, campaignId);
    if (!ALLOWED[action].includes(row.status))
      throw CampaignErrors.wrongStatus(row.name, row.status, action, ALLOWED[action]);
    const before = { status: row.status, statusCode: row.statusCode ?? null };
    if (action === 'pause') {
      tx.assign(row, {
        status: 'PAUSED',
        statusCode: 'PAUSED_BY_USER',
        statusReason: reason?.trim() || `paused by ${actor.email ?? 'a user'}`,
      });
    } else if (action === 'resume') {
      // A number Meta refused (token, permission, locked) would only pause it again.
      if (row.account.status !== 'connected') {
        throw CampaignErrors.accountNotConnected(row.account.displayPhoneNumber ?? row.account.phoneNumberId, row.account.status, row.account.statusReason);
      }
      if (row.statusCode === CREDIT_EXHAUSTED_CODE)
        await assertCreditToResume(tx, { tenantId: actor.tenantId, campaignId, campaignName: row.name });
      // A scheduled campaign paused before its time goes back to waiting for it.
      const scheduled = !row.startedAt && row.scheduledAt && row.scheduledAt.getTime() > Date.now();
      tx.assign(row, { status: scheduled ? 'SCHEDULED' : 'RUNNING', statusCode: null, statusReason: null });
    } else {
      tx.assign(row, {
        status: 'CANCELLED',
        statusCode: 'CANCELLED',
        statusReason: `cancelled by ${actor.email ?? 'a user'}`,
        completedAt: new Date(),
      });
    }
    await tx.flush();
    // Queued work goes back (pause) or is dropped (cancel); a sender's claim of a moved row then finds nothing.
    if (action === 'pause') await moveMessages(tx, campaignId, ['QUEUED'], 'PENDING', null);
    if (action === 'cancel') {
      await moveMessages(tx, campaignId, ['PENDING', 'QUEUED', 'RETRY_WAIT'], 'SKIPPED', 'cancelled');
      await releaseHolds(tx, [campaignId]);
    }
    await recordAudit(tx, actor, {
      tenantId: actor.tenantId,
      action: `campaign.${action === 'pause' ? 'paused' : action === 'resume' ? 'resumed' : 'cancelled'}`,
      targetType: 'campaign',
      targetId: campaignId,
      changes: { before, after: { status: row.status, reason: reason ?? null } },
    });
  });
  await sendControl(deps, { type: 'campaign', campaignId, action });
  const fresh = em.fork();
  await announceProgress(fresh, deps.producer, [campaignId], deps.logger);
  return toDetailDto(await ownCampaign(fresh, actor.tenantId, campaignId));
}
