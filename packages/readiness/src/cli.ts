/**
 * The two entry points' shared main: settings from the environment, the run with progress on
 * stderr, the verdict JSON on stdout, and the exit code (0 ready, 2 sandbox only, 1 not ready;
 * sandbox-test treats a sandbox pass as success). SIGINT/SIGTERM undo what the run changed
 * (kill switch, rate ceiling, sandbox throughput) before exiting 130.
 */
import { ConfigError } from '@dbulk/config';
import { Undo } from './context';
import { loadReadinessConfig } from './env';
import { runReadiness } from './run';
import { exitCodeOf } from './verdict';

export async function readinessMain(kind: 'production' | 'sandbox', source: Record<string, string | undefined>): Promise<number> {
  const print = (line: string) => process.stderr.write(`[readiness ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
  let config;
  try {
    config = loadReadinessConfig(source, { sandboxOnly: kind === 'sandbox' });
  } catch (err) {
    print(err instanceof ConfigError ? err.message : String(err));
    return 1;
  }
  // Interrupted while the kill switch is engaged, every tenant would stay stopped: undo first.
  const undo = new Undo();
  const interrupted = (signal: NodeJS.Signals) => {
    print(`${signal}: undoing what the run changed, then exiting`);
    void undo.runAll(print).finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  const report = await runReadiness(config, kind === 'sandbox' ? 'quick' : 'full', print, undo);
  process.off('SIGINT', interrupted);
  process.off('SIGTERM', interrupted);
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  return exitCodeOf(report, { sandboxIsEnough: kind === 'sandbox' });
}
