/**
 * One chunk of `dbulk.send` records: gate → reserve rate → release what cannot go now →
 * claim (compare-and-set); then, in the background, send the claimed rows with bounded
 * concurrency → write every outcome in one statement → pause campaigns Meta says need a human
 * → publish progress. Statements are set-wise; nothing here loops over rows with SQL.
 */
import type { EntityManager, MikroORM } from '@dbulk/db';
import { applyParkedStatuses, callbackDataFor, suppressedPhones } from '@dbulk/domain-campaigns';
import type { DecodedRecord, SendRecord, TypedProducer } from '@dbulk/kafka';
import type { Logger } from '@dbulk/logger';
import type { GraphClient } from '@dbulk/meta';
import type { SendGate } from '../gate/send-gate';
import type { RateRegistry } from '../rate/rate-registry';
import type { CampaignContext, CampaignContexts } from './campaign-context';
import { pauseCampaigns, type PauseOrder } from './campaign-pause';
import { claimQueued, releaseQueued } from './messages.repository';
import { decideFailure, DEFAULT_RETRY_POLICY, type RetryPolicy, type SendOutcome } from './outcome';
import { ProgressCollector } from './progress';
import { writeOutcomes, type Attempt } from './write-outcomes';
import type { Semaphore } from './semaphore';
import type { ThroughputMeter } from './throughput';
import { buildComponents } from './components';

export interface SendBatchDeps {
  orm: MikroORM;
  graph: GraphClient;
  producer: TypedProducer;
  logger: Logger;
  gate: SendGate;
  rates: RateRegistry;
  contexts: CampaignContexts;
  semaphore: Semaphore;
  throughput: ThroughputMeter;
  /** Rows whose rate reservation lies further ahead than this go back to PENDING. */
  horizonMs: number;
  retryPolicy?: RetryPolicy;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A send held back longer than this by its number's window goes back to PENDING (the planner re-paces it). */
const WINDOW_PATIENCE_MS = 2_000;

type Planned = Attempt['planned'];

export function createSendHandler(deps: SendBatchDeps) {
  const log = deps.logger.child({ component: 'sender' });

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

  async function sendOne({ row, planned }: Omit<Attempt, 'outcome'>): Promise<SendOutcome> {
    if (planned.delay > 0) await sleep(planned.delay);
    const stopped = () => deps.gate.stopReason(row.tenant_id, row.campaign_id) !== null;
    const phone = planned.ctx.phoneNumberId;
    const since = Date.now();
    for (;;) {
      if (stopped()) return { kind: 'released' };
      // Held back by the number's sliding second (a halving or a new ceiling since the slot was
      // reserved): wait outside the concurrency slots, and give the row back if it takes long.
      const wait = deps.rates.windowWaitMs(phone);
      if (wait > 0) {
        if (Date.now() + wait - since > WINDOW_PATIENCE_MS) return { kind: 'released' };
        await sleep(wait);
        continue;
      }
      const outcome = await deps.semaphore.run(async (): Promise<SendOutcome | null> => {
        if (stopped()) return { kind: 'released' };
        // Another send took the window's last place while this one waited for a slot: wait again.
        return deps.rates.tryEnterWindow(phone) ? send(row, planned.ctx) : null;
      });
      if (outcome) return outcome;
    }
  }

  async function send(row: Attempt['row'], ctx: Attempt['planned']['ctx']): Promise<SendOutcome> {
    const components = buildComponents(ctx.template, row.variables ?? {});
    try {
      const result = await deps.graph.sendTemplate(ctx.phoneNumberId, ctx.token, {
        to: row.phone.replace(/^\+/, ''),
        template: {
          name: ctx.template.name,
          language: { code: ctx.template.language },
          ...(components.length ? { components } : {}),
        },
        bizOpaqueCallbackData: callbackDataFor(row.id),
      });
      deps.rates.get(ctx.phoneNumberId)?.onSuccess();
      deps.throughput.record(ctx.phoneNumberId, ctx.tenantId);
      return { kind: 'accepted', wamid: result.wamid };
    } catch (err) {
      const outcome = decideFailure(err, row.attempts, Date.now(), deps.retryPolicy ?? DEFAULT_RETRY_POLICY);
      if ((outcome.kind === 'retry' || outcome.kind === 'pause') && outcome.throttled)
        deps.rates.throttled(ctx.phoneNumberId);
      if (outcome.kind === 'pause') deps.gate.stopCampaign(row.campaign_id);
      if (outcome.kind !== 'retry')
        log.warn(
          { err, messageId: row.id, campaignId: row.campaign_id, outcome: outcome.kind },
          'send failed',
        );
      return outcome;
    }
  }

  // Sends finish in the background: the partition moves on to its next records at once, so a
  // slow or throttled number never holds up the other tenants on it. The claim is the guard
  // against sending twice, not the offset: a crash leaves claimed rows SENDING, which the
  // planner's lease turns into ambiguous (never resent), as it would mid-chunk.
  const pending = new Set<Promise<void>>();

  async function handle(records: DecodedRecord<SendRecord>[]): Promise<void> {
    const progress = new ProgressCollector();
    const pauses: PauseOrder[] = [];
    const { claimed, suppressed } = await plan(
      records.map((r) => r.value),
      progress,
      pauses,
    );
    const task: Promise<void> = complete(claimed, suppressed, progress, pauses)
      .catch((err: unknown) =>
        log.error(
          { err, claimed: claimed.length },
          'could not write send outcomes; the rows stay SENDING until the planner marks them ambiguous',
        ),
      )
      .finally(() => pending.delete(task));
    pending.add(task);
  }

  async function complete(
    claimed: Omit<Attempt, 'outcome'>[],
    suppressed: Set<string>,
    progress: ProgressCollector,
    pauses: PauseOrder[],
  ): Promise<void> {
    const started = performance.now();
    const attempts: Attempt[] = await Promise.all(
      claimed.map(async (c) => ({
        ...c,
        outcome: suppressed.has(`${c.row.tenant_id}:${c.row.phone}`)
          ? ({ kind: 'skipped', reason: 'suppressed' } as const)
          : await sendOne(c),
      })),
    );
    const sent = performance.now();
    const wamids = await writeOutcomes(deps.orm, attempts, pauses, progress);
    log.debug(
      {
        claimed: claimed.length,
        sendMs: Math.round(sent - started),
        writeMs: Math.round(performance.now() - sent),
      },
      'chunk sent',
    );
    for (const pause of pauses) deps.contexts.forget(pause.campaignId);
    if (wamids.length > 0) {
      // Statuses that raced ahead of the answer (Meta's webhooks can beat our write) apply now.
      try {
        const parked = await deps.orm.em.fork().transactional((tx) => applyParkedStatuses(tx, wamids));
        progress.addSnapshots(parked.progress);
      } catch (err) {
        log.warn({ err }, 'could not apply parked statuses; the processor sweeps them later');
      }
    }
    await publish(deps, progress, pauses, log);
  }

  return {
    handle,
    /** Sends in flight (claimed, not yet written). */
    inFlight: () => pending.size,
    /** Waits for every send in flight and its results to be written (drain on SIGTERM). */
    async drain(): Promise<void> {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}

async function publish(deps: SendBatchDeps, progress: ProgressCollector, pauses: PauseOrder[], log: Logger) {
  try {
    if (pauses.length > 0) {
      await deps.producer.send(
        'dbulk.control',
        pauses.map((p) => ({
          key: `campaign:${p.campaignId}`,
          value: { type: 'campaign' as const, campaignId: p.campaignId, action: 'pause' as const },
        })),
      );
    }
    const events = progress.events();
    if (events.length > 0) await deps.producer.send('dbulk.events', events);
  } catch (err) {
    // PostgreSQL already holds the truth; other replicas re-read it within a second.
    log.warn({ err }, 'could not publish control or progress records');
  }
}

export { pauseCampaigns };
