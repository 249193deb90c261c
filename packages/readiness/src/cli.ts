/**
 * The two entry points' shared main: settings from the environment, the run with progress on
 * stderr, the verdict JSON on stdout, and the exit code (0 ready, 2 sandbox only, 1 not ready;
 * sandbox-test treats a sandbox pass as success).
 */
import { ConfigError } from '@dbulk/config';
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
  const report = await runReadiness(config, kind === 'sandbox' ? 'quick' : 'full', print);
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  return exitCodeOf(report, { sandboxIsEnough: kind === 'sandbox' });
}
