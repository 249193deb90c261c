/**
 * Load profiles as k6 scenario (executor) options — smoke, average, stress, spike, soak — for
 * two kinds of journey: open-model ones that start iterations at a rate whatever the server does
 * (`arrivalProfile`: webhooks, api reads), and long journeys that each VU repeats
 * (`journeyProfile`: a whole campaign). The shapes follow Grafana's load-testing guide.
 * Plain module: the types mirror @types/k6's scenario types, and the k6 scenario files assign
 * these objects to `options.scenarios`, so a mismatch fails their type check.
 * @see https://grafana.com/docs/k6/latest/testing-guides/test-types/
 * @see https://grafana.com/docs/k6/latest/using-k6/scenarios/executors/
 */
export const PROFILES = ['smoke', 'average', 'stress', 'spike', 'soak'] as const;
export type Profile = (typeof PROFILES)[number];

export interface Stage {
  duration: string;
  target: number;
}

interface Base {
  exec?: string;
  startTime?: string;
  gracefulStop?: string;
  tags?: Record<string, string>;
}

export type Executor =
  | (Base & { executor: 'constant-arrival-rate'; rate: number; timeUnit?: string; duration: string; preAllocatedVUs: number; maxVUs?: number })
  | (Base & { executor: 'ramping-arrival-rate'; startRate?: number; timeUnit?: string; stages: Stage[]; preAllocatedVUs: number; maxVUs?: number })
  | (Base & { executor: 'constant-vus'; vus?: number; duration: string })
  | (Base & { executor: 'ramping-vus'; startVUs?: number; stages: Stage[]; gracefulRampDown?: string })
  | (Base & { executor: 'per-vu-iterations'; vus?: number; iterations?: number; maxDuration?: string })
  | (Base & { executor: 'shared-iterations'; vus?: number; iterations?: number; maxDuration?: string });

export type ExecutorName = Executor['executor'];

export function isProfile(name: string | undefined): name is Profile {
  return (PROFILES as readonly string[]).includes(name ?? '');
}

export function profileOf(name: string | undefined): Profile {
  if (name === undefined || name === '') return 'smoke';
  if (!isProfile(name)) throw new Error(`PROFILE=${name} is not one of ${PROFILES.join(', ')}`);
  return name;
}

/**
 * Iterations per second: `rate` is the sustained target of the average day; stress doubles it,
 * a spike hits five times it, smoke sends `smokeRate` for ten seconds.
 */
export function arrivalProfile(profile: Profile, o: { rate: number; smokeRate: number; maxVUs: number }): Executor {
  const vus = (rate: number) => ({ preAllocatedVUs: Math.max(2, Math.ceil(rate / 10)), maxVUs: Math.max(o.maxVUs, Math.ceil(rate / 5)) });
  switch (profile) {
    case 'smoke':
      return { executor: 'constant-arrival-rate', rate: o.smokeRate, timeUnit: '1s', duration: '10s', ...vus(o.smokeRate), gracefulStop: '10s' };
    case 'average':
      return { executor: 'ramping-arrival-rate', startRate: 0, timeUnit: '1s', stages: [{ duration: '1m', target: o.rate }, { duration: '8m', target: o.rate }, { duration: '1m', target: 0 }], ...vus(o.rate) };
    case 'stress':
      return { executor: 'ramping-arrival-rate', startRate: 0, timeUnit: '1s', stages: [{ duration: '2m', target: o.rate }, { duration: '3m', target: 2 * o.rate }, { duration: '5m', target: 2 * o.rate }, { duration: '1m', target: 0 }], ...vus(2 * o.rate) };
    case 'spike':
      return { executor: 'ramping-arrival-rate', startRate: o.rate / 10, timeUnit: '1s', stages: [{ duration: '10s', target: 5 * o.rate }, { duration: '1m', target: 5 * o.rate }, { duration: '10s', target: o.rate / 10 }, { duration: '1m', target: o.rate / 10 }], ...vus(5 * o.rate) };
    case 'soak':
      return { executor: 'constant-arrival-rate', rate: o.rate, timeUnit: '1s', duration: '2h', ...vus(o.rate) };
  }
}

/** Concurrent journeys: `vus` of them on an average day; smoke runs exactly one. */
export function journeyProfile(profile: Profile, o: { vus: number; smokeMaxDuration: string }): Executor {
  switch (profile) {
    case 'smoke':
      return { executor: 'per-vu-iterations', vus: 1, iterations: 1, maxDuration: o.smokeMaxDuration };
    case 'average':
      return { executor: 'ramping-vus', startVUs: 0, stages: [{ duration: '1m', target: o.vus }, { duration: '10m', target: o.vus }, { duration: '1m', target: 0 }], gracefulRampDown: '5m' };
    case 'stress':
      return { executor: 'ramping-vus', startVUs: 0, stages: [{ duration: '2m', target: o.vus }, { duration: '5m', target: 3 * o.vus }, { duration: '5m', target: 3 * o.vus }, { duration: '1m', target: 0 }], gracefulRampDown: '5m' };
    case 'spike':
      return { executor: 'ramping-vus', startVUs: 0, stages: [{ duration: '20s', target: 5 * o.vus }, { duration: '3m', target: 5 * o.vus }, { duration: '20s', target: 0 }], gracefulRampDown: '5m' };
    case 'soak':
      return { executor: 'constant-vus', vus: o.vus, duration: '2h', gracefulStop: '5m' };
  }
}
