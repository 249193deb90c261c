/**
 * Plays one scenario as k6 would: the journey's own options (profile executor, thresholds),
 * its setup once, its iterations under the executor, then the thresholds judged and the JSON
 * summary written beside k6's (`<SUMMARY_DIR>/<scenario>.npm.summary.json`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { signPayload } from '@dbulk/meta';
import { JourneyError } from '../lib/client.ts';
import { loadConfig } from '../lib/config.ts';
import { journeyFor } from '../lib/journeys/index.ts';
import { journeyOptions, runIteration } from '../lib/journeys/journey.ts';
import { compactSummary, summaryPath, type CompactSummary } from '../lib/summary.ts';
import { NodeHttp } from './client.ts';
import { runExecutor } from './executors.ts';
import { summaryData } from './judge.ts';
import { Registry } from './metrics.ts';

/** The repository's own signer (what ingest verifies with), reduced to the hex digest. */
export const nodeHmacHex = (secret: string, body: string) => signPayload(secret, body).slice('sha256='.length);

export interface RunOptions {
  env: Record<string, string | undefined>;
  /** Relative SUMMARY_DIR values resolve against this folder (the repository root). */
  root: string;
  /** Sees what setup returned (the integration test scopes its planner to the tenant). */
  onSetup?(data: unknown): void | Promise<void>;
  log?(line: string): void;
}

export interface RunResult {
  summary: CompactSummary;
  file: string;
  errors: string[];
}

export async function runScenario(name: string, o: RunOptions): Promise<RunResult> {
  const log = o.log ?? (() => {});
  const cfg = loadConfig(o.env);
  const journey = journeyFor(name, nodeHmacHex);
  const options = journeyOptions(journey, cfg);
  const [scenario, executor] = Object.entries(options.scenarios)[0]!;
  const registry = new Registry();
  const http = new NodeHttp(registry, journey.metrics);
  const errors: string[] = [];
  const t0 = performance.now();
  try {
    log(`${name}: setup (${cfg.profile}, run ${cfg.runId})`);
    const data = await journey.setup(http.forVu({ id: 0, iteration: 0, iterationInTest: 0 }), cfg);
    await o.onSetup?.(data);
    log(`${name}: ${scenario} → ${executor.executor}`);
    await runExecutor(
      executor,
      async (vu) => {
        const started = performance.now();
        try {
          await runIteration(journey, http.forVu(vu), cfg, data);
          registry.add('iterations', 1);
        } catch (err) {
          // k6 logs the exception and moves on; the failed request or check fails a threshold.
          if (errors.length < 20) errors.push(err instanceof JourneyError ? err.message : String(err));
        } finally {
          registry.add('iteration_duration', performance.now() - started);
        }
      },
      {
        onDropped: () => registry.add('dropped_iterations', 1),
        onTick: ({ elapsedMs, active, started }) => {
          const reqs = registry.values('http_reqs', {}, 1)?.values.count ?? 0;
          const failed = registry.values('http_req_failed', {}, 1)?.values.passes ?? 0;
          log(`${name}: t=${(elapsedMs / 1000).toFixed(0)}s iterations started ${started}, running ${active}, requests ${reqs}, failed ${failed}, errors ${errors.length}`);
        },
      },
    );
  } finally {
    await http.close();
  }
  const data = summaryData(registry, options.thresholds, performance.now() - t0);
  const summary = compactSummary(data, { scenario: name, profile: cfg.profile, runner: 'npm' });
  const file = path.resolve(o.root, summaryPath(cfg.summaryDir, name, 'npm'));
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ ...summary, errors }, null, 2)}\n`);
  return { summary, file, errors };
}
