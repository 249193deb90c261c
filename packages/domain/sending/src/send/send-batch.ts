/**
 * One chunk of `dbulk.send` records: gate → reserve rate → release what cannot go now →
 * claim (compare-and-set); then, in the background, send the claimed rows with bounded
 * concurrency, writing every chunk's outcomes together as they come in (a statement per write,
 * every 250 ms or 500 rows) → pause campaigns Meta says need a human → publish progress.
 * Statements are set-wise; nothing here loops over rows with SQL.
 */
import type { MikroORM } from '@dbulk/db';
import { applyParkedStatuses } from '@dbulk/domain-campaigns';
import type { DecodedRecord, SendRecord, TypedProducer } from '@dbulk/kafka';
import type { Logger } from '@dbulk/logger';
import type { GraphClient } from '@dbulk/meta';
import type { SendGate } from '../gate/send-gate';
import type { RateRegistry } from '../rate/rate-registry';
import type { CampaignContexts } from './campaign-context';
import type { PauseOrder } from './campaign-pause';
import type { RetryPolicy } from './outcome';
import { createPlanChunk } from './plan-chunk';
import { OutcomeFlusher } from './outcome-flusher';
import { ProgressCollector } from './progress';
import { createSendOne } from './send-one';
import type { Semaphore } from './semaphore';
import type { ThroughputMeter } from './throughput';
import { writeOutcomes, type Attempt } from './write-outcomes';

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
  /** How often outcomes are written while sends go out (see OutcomeFlusher). */
  flush?: { maxRows?: number; intervalMs?: number };
}

const FLUSH_MAX_ROWS = 500;
const FLUSH_INTERVAL_MS = 250;

export function createSendHandler(deps: SendBatchDeps) {
  const log = deps.logger.child({ component: 'sender' });
  const plan = createPlanChunk(deps, log);
  const sendOne = createSendOne(deps, log);

  // Sends finish in the background: the partition moves on to its next records at once, so a
  // slow or throttled number never holds up the other tenants on it. The claim is the guard
  // against sending twice, not the offset: a crash leaves claimed rows SENDING, which the
  // planner's lease turns into ambiguous (never resent), as it would mid-chunk.
  const pending = new Set<Promise<void>>();

  // Every chunk's outcomes go to one writer, with the claims' counts and the pauses decided
  // since its last write.
  let carried = { progress: new ProgressCollector(), pauses: [] as PauseOrder[] };
  const flusher = new OutcomeFlusher<Attempt>(
    async (attempts) => {
      const batch = carried;
      carried = { progress: new ProgressCollector(), pauses: [] };
      await finish(attempts, batch.progress, batch.pauses);
    },
    (err, attempts) =>
      log.error(
        { err, rows: attempts.length },
        'could not write send outcomes; the rows stay SENDING until the planner marks them ambiguous',
      ),
    { maxItems: deps.flush?.maxRows ?? FLUSH_MAX_ROWS, intervalMs: deps.flush?.intervalMs ?? FLUSH_INTERVAL_MS },
  );

  async function handle(records: DecodedRecord<SendRecord>[]): Promise<void> {
    const progress = new ProgressCollector();
    const pauses: PauseOrder[] = [];
    const { claimed, suppressed } = await plan(
      records.map((r) => r.value),
      progress,
      pauses,
    );
    // Into whatever the next write takes (a write may have run while this chunk was planned).
    carried.progress.merge(progress);
    carried.pauses.push(...pauses);
    flusher.poke();
    const task: Promise<void> = Promise.all(
      claimed.map(async (c) => {
        const outcome = suppressed.has(`${c.row.tenant_id}:${c.row.phone}`)
          ? ({ kind: 'skipped', reason: 'suppressed' } as const)
          : await sendOne(c);
        flusher.push({ ...c, outcome });
      }),
    )
      .then(() => undefined)
      .catch((err: unknown) => log.error({ err, claimed: claimed.length }, 'a send of this chunk failed unexpectedly'))
      .finally(() => pending.delete(task));
    pending.add(task);
  }

  /** One write: outcomes, pauses, parked statuses, then the control and progress records. */
  async function finish(attempts: Attempt[], progress: ProgressCollector, pauses: PauseOrder[]) {
    const started = performance.now();
    const wamids = await writeOutcomes(deps.orm, attempts, pauses, progress);
    log.debug({ rows: attempts.length, writeMs: Math.round(performance.now() - started) }, 'send outcomes written');
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
    /** Chunks with sends in flight. */
    inFlight: () => pending.size,
    /** Waits for every send in flight and its results to be written (drain on SIGTERM). */
    async drain(): Promise<void> {
      while (pending.size > 0) await Promise.allSettled([...pending]);
      await flusher.close();
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

