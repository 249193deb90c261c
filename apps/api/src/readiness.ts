/**
 * Readiness: PostgreSQL answers `select 1` and Kafka answers a metadata request, each within a
 * deadline, checked in parallel. Used by `/readyz` and by the admin `system.health` procedure.
 * A probe that hangs past the deadline counts as down; it is left to settle on its own.
 * @see https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/
 */
import type { HealthReport } from '@dbulk/api';
import type { Logger } from '@dbulk/logger';

export type Dependency = keyof HealthReport;
export type Probe = () => Promise<unknown>;

export const READINESS_TIMEOUT_MS = 2_000;

export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

export interface HealthCheckOptions {
  probes: Record<Dependency, Probe>;
  logger: Logger;
  timeoutMs?: number;
}

/** Returns the health function; a failing dependency is logged with its reason (never thrown). */
export function createHealthCheck({
  probes,
  logger,
  timeoutMs = READINESS_TIMEOUT_MS,
}: HealthCheckOptions): () => Promise<HealthReport> {
  const check = async (name: Dependency): Promise<'up' | 'down'> => {
    try {
      await withTimeout(Promise.resolve().then(probes[name]), timeoutMs, name);
      return 'up';
    } catch (err) {
      logger.warn({ err, dependency: name }, `${name} is not ready`);
      return 'down';
    }
  };
  return async () => {
    const [database, kafka] = await Promise.all([check('database'), check('kafka')]);
    return { database, kafka };
  };
}

export const isReady = (report: HealthReport) => report.database === 'up' && report.kafka === 'up';
