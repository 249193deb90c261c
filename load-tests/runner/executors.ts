/**
 * k6's executors that the smoke profiles use, for the npm runner: constant-arrival-rate (an
 * iteration starts every 1/rate whatever the earlier ones do; with maxVUs busy it is dropped and
 * counted in dropped_iterations, as k6 does), constant-vus, per-vu-iterations and
 * shared-iterations. The ramping executors of the longer profiles are k6's job.
 * @see https://grafana.com/docs/k6/latest/using-k6/scenarios/executors/
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { parseDuration } from '../lib/duration.ts';
import type { Executor } from '../lib/profiles.ts';
import type { Vu } from './client.ts';

export type Iterate = (vu: Vu) => Promise<void>;

export interface ExecutorHooks {
  onDropped(): void;
  /** Called every second or so while the executor runs. */
  onTick?(state: { elapsedMs: number; active: number; started: number }): void;
}

class VuPool {
  private readonly free: { id: number; iteration: number }[] = [];
  private created = 0;
  active = 0;
  started = 0;

  constructor(private readonly max: number) {}

  take(): { id: number; iteration: number } | undefined {
    const vu = this.free.pop() ?? (this.created < this.max ? { id: ++this.created, iteration: 0 } : undefined);
    if (vu) this.active += 1;
    return vu;
  }

  run(vu: { id: number; iteration: number }, iterate: Iterate): Promise<void> {
    const iterationInTest = this.started++;
    return iterate({ id: vu.id, iteration: vu.iteration++, iterationInTest }).finally(() => {
      this.active -= 1;
      this.free.push(vu);
    });
  }
}

async function ticking<T>(hooks: ExecutorHooks, pool: VuPool, work: Promise<T>): Promise<T> {
  const t0 = performance.now();
  const timer = setInterval(() => hooks.onTick?.({ elapsedMs: performance.now() - t0, active: pool.active, started: pool.started }), 1_000);
  try {
    return await work;
  } finally {
    clearInterval(timer);
  }
}

/** Waits for in-flight iterations at most `graceMs` (k6's gracefulStop), then stops waiting. */
const drain = (inFlight: Set<Promise<void>>, graceMs: number) => Promise.race([Promise.allSettled([...inFlight]), sleep(graceMs)]);

export async function runExecutor(e: Executor, iterate: Iterate, hooks: ExecutorHooks): Promise<void> {
  const graceMs = parseDuration(e.gracefulStop ?? '30s');
  const inFlight = new Set<Promise<void>>();
  const track = (p: Promise<void>) => {
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  };
  switch (e.executor) {
    case 'constant-arrival-rate': {
      const pool = new VuPool(e.maxVUs ?? e.preAllocatedVUs);
      const intervalMs = parseDuration(e.timeUnit ?? '1s') / e.rate;
      const total = Math.floor(parseDuration(e.duration) / intervalMs);
      const t0 = performance.now();
      await ticking(hooks, pool, (async () => {
        for (let i = 0; i < total; i++) {
          const wait = t0 + i * intervalMs - performance.now();
          if (wait > 0) await sleep(wait);
          const vu = pool.take();
          if (vu) track(pool.run(vu, iterate));
          else hooks.onDropped();
        }
        await drain(inFlight, graceMs);
      })());
      return;
    }
    case 'constant-vus':
    case 'per-vu-iterations':
    case 'shared-iterations': {
      const vus = e.vus ?? 1;
      const pool = new VuPool(vus);
      const limit = e.executor === 'constant-vus' ? parseDuration(e.duration) : parseDuration(e.maxDuration ?? '10m');
      const until = performance.now() + limit;
      let shared = e.executor === 'shared-iterations' ? (e.iterations ?? 1) : Infinity;
      const perVu = e.executor === 'per-vu-iterations' ? (e.iterations ?? 1) : Infinity;
      const loop = async () => {
        const vu = pool.take()!;
        for (let n = 0; n < perVu && shared > 0 && performance.now() < until; n++) {
          shared -= 1;
          await pool.run(vu, iterate);
          pool.active += 1; // run() released it; this VU keeps looping
        }
        pool.active -= 1;
      };
      const loops = Array.from({ length: vus }, loop);
      await ticking(hooks, pool, Promise.race([Promise.allSettled(loops), sleep(limit + graceMs)]));
      return;
    }
    default:
      throw new Error(`the npm runner plays the smoke profile's executors only; ${e.executor} is for k6 (see load-tests/README.md)`);
  }
}
