/**
 * One tick's release: read the campaigns that may send, work out what each number (rate ×
 * lookahead − in flight) and each portfolio (messaging limit − used − in flight) can take, split
 * it fairly (fair-share.ts) and queue it campaign by campaign. A campaign held by the messaging
 * limit shows why (status_code MESSAGING_LIMIT_WAIT) until the rolling window frees budget.
 */
import type { EntityManager } from '@dbulk/db';
import type { Logger } from '@dbulk/logger';
import { tierLimit } from '../messaging-limit';
import { usedLast24h } from '../messaging-limit.repository';
import type { CampaignProducer } from '../progress';
import { allocate, numberAllowance } from './fair-share';
import {
  inFlightByBudget,
  inFlightByNumber,
  LIMIT_WAIT_CODE,
  loadCandidates,
  releaseCampaign,
  setLimitWait,
  type CandidateRow,
} from './release';

export interface ReleaseOptions {
  producer: CampaignProducer;
  logger: Logger;
  lookahead: number;
  maxPerTick: number;
  tenantIds?: string[];
}

interface Usage {
  limit: number;
  used: number;
}

/** Adds the ids of campaigns it queued or whose wait reason changed to `touched`. */
export async function releaseStep(
  em: EntityManager,
  o: ReleaseOptions,
  rotation: number,
  touched: Set<string>,
) {
  const candidates = await loadCandidates(em, o.tenantIds);
  if (candidates.length === 0) return;
  const numbers = [...new Set(candidates.map((c) => c.phoneNumberId))];
  const inFlight = await inFlightByNumber(em, numbers);
  const rateOf = (n: string) => candidates.find((c) => c.phoneNumberId === n)!.rate;
  const perNumber = new Map(
    numbers.map((n) => [n, numberAllowance(rateOf(n), o.lookahead, inFlight.get(n) ?? 0)]),
  );
  const perBudget = new Map<string, number>();
  const usage = new Map<string, Usage>();
  for (const c of candidates) {
    const limit = tierLimit(c.tier);
    if (!Number.isFinite(limit) || usage.has(c.budgetKey)) continue;
    const used = await usedLast24h(em, c.tenantId, c.wabaId);
    usage.set(c.budgetKey, { limit, used });
    perBudget.set(c.budgetKey, limit - used - (await inFlightByBudget(em, c.tenantId, c.wabaId)));
  }
  const plan = allocate(candidates, { perNumber, perBudget, perTick: o.maxPerTick }, rotation);
  for (const c of candidates) {
    const count = plan.get(c.campaignId) ?? 0;
    try {
      // Clear (or set) the wait first, so a snapshot never shows queued messages under a wait reason.
      if (await limitWait(em, c, perBudget.get(c.budgetKey) ?? Infinity, usage.get(c.budgetKey)))
        touched.add(c.campaignId);
      if (count > 0 && (await releaseCampaign(em.fork(), o.producer, c, count)) > 0)
        touched.add(c.campaignId);
    } catch (err) {
      o.logger.warn({ err, campaignId: c.campaignId, count }, 'release failed; the messages stay PENDING');
    }
  }
}

async function limitWait(
  em: EntityManager,
  c: CandidateRow,
  budget: number,
  usage: Usage | undefined,
): Promise<boolean> {
  if (budget <= 0 && usage) {
    const reason = `Waiting for WhatsApp's messaging limit: ${usage.used} of ${usage.limit} recipients in the last 24 hours; sending resumes as the rolling window frees budget.`;
    return setLimitWait(em, c.campaignId, reason);
  }
  return c.statusCode === LIMIT_WAIT_CODE && budget > 0 ? setLimitWait(em, c.campaignId, null) : false;
}
