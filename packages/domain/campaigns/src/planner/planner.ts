/**
 * The planner paces campaigns into `dbulk.send` (docs/adr/0006-planner-pacing.md). Every tick,
 * the leader (advisory lock, leader.ts) starts scheduled campaigns, returns due retries and
 * stale queue entries to PENDING, fails sends whose outcome is unknown, releases what each
 * number may send in the next few seconds — fairly across tenants and within the messaging
 * limit — and completes finished campaigns, publishing a progress snapshot for each campaign
 * it touched. Replicas that are not leader only retry the lock.
 */
import type { MikroORM } from '@dbulk/db';
import type { Logger } from '@dbulk/logger';
import { announceProgress, type CampaignProducer } from '../progress';
import { LeaderLock, PLANNER_LOCK_KEY } from './leader';
import {
  completeFinished,
  failStaleSending,
  killSwitchEngaged,
  replanStaleQueued,
  requeueDueRetries,
  startDueCampaigns,
} from './maintenance';
import { releaseStep } from './release-step';

export interface PlannerDeps {
  orm: MikroORM;
  /** Produces `dbulk.send` and `dbulk.events`; its own topic prefix applies. */
  producer: CampaignProducer;
  logger: Logger;
  /** Kept for symmetry with other workers: the producer given already carries the prefix. */
  topicPrefix?: string;
  tickMs?: number;
  /** Seconds of each number's rate kept queued ahead of the senders (default 3). */
  lookaheadSeconds?: number;
  /** A SENDING row older than this has an unknown outcome (default 120 s). */
  sendingLeaseMs?: number;
  /** A QUEUED row no sender claimed within this is planned again (default 60 s). */
  queuedLeaseMs?: number;
  /** At most this many messages released per tick, shared fairly by tenants (default 5,000). */
  maxPerTick?: number;
  /** Advisory lock key; tests use their own so they do not contend with other planners. */
  lockKey?: number;
  /** Plan only these tenants (tests sharing a database); all tenants when absent. */
  tenantIds?: string[];
}

export interface Planner {
  start(): Promise<void>;
  stop(): Promise<void>;
  isLeader(): boolean;
}

export function createPlanner(deps: PlannerDeps): Planner {
  const logger = deps.logger.child({ component: 'planner' });
  const tickMs = deps.tickMs ?? 300;
  const lookahead = deps.lookaheadSeconds ?? 3;
  const sendingLeaseMs = deps.sendingLeaseMs ?? 120_000;
  const queuedLeaseMs = deps.queuedLeaseMs ?? 60_000;
  const maxPerTick = deps.maxPerTick ?? 5_000;
  const scope = deps.tenantIds;
  const lock = new LeaderLock(
    String(deps.orm.config.get('clientUrl')),
    deps.lockKey ?? PLANNER_LOCK_KEY,
    logger,
  );
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = true;
  let rotation = 0;

  const releaseOptions = { producer: deps.producer, logger, lookahead, maxPerTick, tenantIds: scope };
  const release = (touched: Set<string>) =>
    releaseStep(deps.orm.em.fork(), releaseOptions, rotation++, touched);

  async function tick(): Promise<void> {
    if (!(await lock.acquire())) return;
    const em = deps.orm.em.fork();
    const touched = new Set<string>();
    const add = (ids: string[]) => ids.forEach((id) => touched.add(id));
    try {
      add(await startDueCampaigns(em, scope));
      add(await requeueDueRetries(em, scope));
      add(await replanStaleQueued(em, queuedLeaseMs, scope));
      add(await failStaleSending(em, sendingLeaseMs, scope));
      if (!(await killSwitchEngaged(em))) await release(touched);
      add(await completeFinished(em, scope));
    } catch (err) {
      logger.error({ err }, 'planner tick failed');
    }
    await announceProgress(deps.orm.em.fork(), deps.producer, [...touched], logger);
  }

  const loop = () => {
    if (stopped) return;
    running = tick()
      .catch((err: unknown) => logger.error({ err }, 'planner tick crashed'))
      .finally(() => {
        running = undefined;
        if (!stopped) timer = setTimeout(loop, tickMs);
      });
  };

  return {
    async start() {
      if (!stopped) return;
      stopped = false;
      logger.info({ tickMs, lookahead, sendingLeaseMs, queuedLeaseMs }, 'planner started');
      loop();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      await lock.release();
      logger.info('planner stopped');
    },
    isLeader: () => lock.isLeader(),
  };
}
