/**
 * The transactional half of a chunk, run by the consumer before it moves on: gate the records
 * (kill switch, tenant, campaign), reserve each number's rate slots up to the horizon, give what
 * cannot go now back to PENDING, claim the rest (compare-and-set), and look the suppression rule
 * up again for the claimed recipients.
 */
import type { EntityManager } from '@dbulk/db';
import { suppressedPhones } from '@dbulk/domain-campaigns';
import type { SendRecord } from '@dbulk/kafka';
import type { Logger } from '@dbulk/logger';
import type { CampaignContext } from './campaign-context';
import type { PauseOrder } from './campaign-pause';
import { claimQueued, releaseQueued } from './messages.repository';
import type { ProgressCollector } from './progress';
import type { SendBatchDeps } from './send-batch';
import type { Attempt } from './write-outcomes';

type Planned = Attempt['planned'];

export function createPlanChunk(deps: SendBatchDeps, log: Logger) {
  async function plan(records: SendRecord[], progress: ProgressCollector, pauses: PauseOrder[]) {
    const em = deps.orm.em.fork();
    await deps.gate.refresh(em, records);
    const release: string[] = [];
    const planned = new Map<string, Planned>();
    const now = Date.now();
    for (const record of records) {
      if (deps.gate.stopReason(record.tenantId, record.campaignId)) {
        release.push(...record.messageIds);
        continue;
      }
      let ctx: CampaignContext;
      try {
        ctx = await deps.contexts.get(em, record.campaignId);
      } catch (err) {
        log.error(
          { err, campaignId: record.campaignId },
          'cannot read the campaign, its template or its token: pausing it',
        );
        const reason =
          'Sending paused: the WhatsApp connection or template of this campaign could not be read. Reconnect the number, then resume.';
        pauses.push({
          campaignId: record.campaignId,
          statusCode: 'SEND_CONTEXT_UNREADABLE',
          statusReason: reason,
        });
        deps.gate.stopCampaign(record.campaignId);
        release.push(...record.messageIds);
        continue;
      }
      if (ctx.tenantId !== record.tenantId) {
        log.error(
          { campaignId: record.campaignId, tenantId: record.tenantId },
          'send record names another tenant: ignored',
        );
        continue;
      }
      await deps.rates.ensure(em, [{ phoneNumberId: ctx.phoneNumberId, accountMax: ctx.accountMax }]);
      const fresh = record.messageIds.filter((id) => !planned.has(id));
      const delays = deps.rates.get(ctx.phoneNumberId)!.reserve(fresh.length, now, deps.horizonMs);
      fresh.forEach((id, i) =>
        i < delays.length ? planned.set(id, { ctx, delay: delays[i]! }) : release.push(id),
      );
    }
    if (release.length > 0) progress.add((await releaseQueued(em, release)).counted);
    const claim = await claimQueued(em, [...planned.keys()]);
    progress.add(claim.counted);
    const claimed = claim.moved.map((row) => ({ row, planned: planned.get(row.id)! }));
    return { claimed, suppressed: await suppressedNow(em, claimed) };
  }

  /** The suppression rule again at send time: someone may have opted out since the start. */
  async function suppressedNow(em: EntityManager, claimed: Omit<Attempt, 'outcome'>[]): Promise<Set<string>> {
    const groups = new Map<string, { tenantId: string; category: string; phones: string[] }>();
    for (const { row, planned } of claimed) {
      const key = `${row.tenant_id}:${planned.ctx.category}`;
      const group = groups.get(key) ?? {
        tenantId: row.tenant_id,
        category: planned.ctx.category,
        phones: [],
      };
      group.phones.push(row.phone);
      groups.set(key, group);
    }
    const out = new Set<string>();
    for (const g of groups.values()) {
      for (const phone of await suppressedPhones(em, g.tenantId, g.category, g.phones))
        out.add(`${g.tenantId}:${phone}`);
    }
    return out;
  }

  return plan;
}
