/**
 * Writes a batch's outcomes in one transaction: every row in one statement (applyResults),
 * the suppressions Meta's answers call for, and the campaigns to pause. Retried briefly: if it
 * still fails, the rows stay SENDING and the planner's lease marks them ambiguous (never resent).
 */
import type { MikroORM } from '@dbulk/db';
import type { CampaignContext } from './campaign-context';
import { pauseCampaigns, type PauseOrder } from './campaign-pause';
import { applyResults, suppressRecipients, type ClaimedRow, type ResultRow } from './messages.repository';
import type { SendOutcome } from './outcome';
import type { ProgressCollector } from './progress';

export interface Attempt {
  row: ClaimedRow;
  planned: { ctx: CampaignContext; delay: number };
  outcome: SendOutcome;
}

export function toResultRow(id: string, outcome: SendOutcome): ResultRow {
  switch (outcome.kind) {
    case 'accepted':
      return { id, status: 'ACCEPTED', wamid: outcome.wamid };
    case 'retry':
      return { id, status: 'RETRY_WAIT', nextAt: outcome.nextAttemptAt.toISOString(), code: outcome.errorCode, title: outcome.errorTitle };
    case 'failed':
      return { id, status: 'FAILED', code: outcome.errorCode, title: outcome.errorTitle, reason: outcome.reason, review: outcome.needsReview };
    case 'pause':
      return { id, status: 'PENDING', code: outcome.errorCode, title: outcome.errorTitle };
    case 'released':
      return { id, status: 'PENDING', unattempted: true };
    case 'skipped':
      return { id, status: 'SKIPPED', reason: outcome.reason, unattempted: true };
  }
}

const ATTEMPTS = 3;

export async function writeOutcomes(orm: MikroORM, attempts: readonly Attempt[], pauses: PauseOrder[], progress: ProgressCollector): Promise<string[]> {
  for (const { row, outcome } of attempts) {
    if (outcome.kind === 'pause' && !pauses.some((p) => p.campaignId === row.campaign_id)) {
      pauses.push({
        campaignId: row.campaign_id,
        statusCode: outcome.statusCode,
        statusReason: outcome.statusReason,
        ...(outcome.accountBroken ? { accountBroken: `Meta answered ${outcome.errorCode ?? ''} ${outcome.errorTitle}`.replace(/\s+/g, ' ') } : {}),
      });
    }
  }
  if (attempts.length === 0 && pauses.length === 0) return [];
  const rows = attempts.map((a) => toResultRow(a.row.id, a.outcome));
  const suppress = attempts.flatMap(({ row, outcome }) =>
    outcome.kind === 'failed' && outcome.suppress ? [{ tenantId: row.tenant_id, phone: row.phone, ...outcome.suppress }] : [],
  );
  for (let attempt = 1; ; attempt++) {
    try {
      const { moved, counted, paused } = await orm.em.fork().transactional(async (tx) => {
        const applied = rows.length > 0 ? await applyResults(tx, rows) : { moved: [], counted: [] };
        await suppressRecipients(tx, suppress);
        return { ...applied, paused: await pauseCampaigns(tx, pauses) };
      });
      progress.add(counted);
      for (const p of paused) {
        progress.paused(p.campaignId, p.statusReason);
        // Other campaigns on a number Meta refused: their control records go out with these.
        if (!pauses.some((o) => o.campaignId === p.campaignId)) pauses.push({ campaignId: p.campaignId, statusCode: 'META_ACCOUNT', statusReason: p.statusReason });
      }
      return moved.flatMap((m) => (m.status === 'ACCEPTED' && m.wamid ? [m.wamid] : []));
    } catch (err) {
      if (attempt >= ATTEMPTS) throw err;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}
