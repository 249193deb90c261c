/**
 * Graceful exit for long-running processes: on SIGTERM/SIGINT run the closers in order
 * (stop consuming before closing the producer the consumer dead-letters with), bounded by a
 * deadline below Kubernetes' 30 s grace period, then exit. A second signal exits at once.
 * @see https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination
 */
import type { Logger } from '@dbulk/logger';

export interface Closer {
  name: string;
  close: () => Promise<void>;
}

export interface RunClosersOptions {
  logger: Logger;
  timeoutMs?: number;
}

/** Runs every closer in order; resolves true only if all finished in time without error. */
export async function runClosers(closers: Closer[], { logger, timeoutMs = 25_000 }: RunClosersOptions): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<false>((resolve) => {
    timer = setTimeout(() => {
      logger.error({ timeoutMs }, 'shutdown deadline passed, exiting anyway');
      resolve(false);
    }, timeoutMs);
  });
  const all = (async () => {
    let ok = true;
    for (const closer of closers) {
      try {
        await closer.close();
        logger.info({ closer: closer.name }, 'closed');
      } catch (err) {
        // Keep going: a failed closer must not leave the others (and the group) hanging.
        ok = false;
        logger.error({ err, closer: closer.name }, 'close failed');
      }
    }
    return ok;
  })();
  try {
    return await Promise.race([all, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

export interface InstallShutdownOptions extends RunClosersOptions {
  /** Injected by tests; process.exit otherwise. */
  exit?: (code: number) => void;
}

/** Installs the signal handlers; returns a function that removes them. */
export function installShutdown(
  signals: NodeJS.Signals[],
  closers: Closer[],
  { exit = (code) => process.exit(code), ...options }: InstallShutdownOptions,
): () => void {
  let shuttingDown = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (shuttingDown) {
      options.logger.warn({ signal }, 'second signal, exiting now');
      exit(1);
      return;
    }
    shuttingDown = true;
    options.logger.info({ signal }, 'shutting down');
    void runClosers(closers, options).then((ok) => {
      options.logger.flush();
      exit(ok ? 0 : 1);
    });
  };
  for (const signal of signals) process.on(signal, onSignal);
  return () => {
    for (const signal of signals) process.off(signal, onSignal);
  };
}
