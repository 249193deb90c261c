#!/usr/bin/env tsx
/**
 * The npm load generator: plays a k6 scenario of load-tests/scenarios through the same journeys,
 * profiles and thresholds, prints progress and the JSON summary, and exits 1 when a threshold
 * fails (2 on a usage or setup error).
 *
 *   npm run load:smoke -- webhook-ingest|campaign-e2e|api-reads [--profile smoke]
 *   (API_URL, INGEST_URL, META_APP_SECRET, LOAD_EMAIL, … as for k6: see load-tests/README.md)
 */
import { parseArgs } from 'node:util';
import { findRepoRoot } from '@dbulk/config';
import { SCENARIOS } from '../lib/journeys/index.ts';
import { textSummary } from '../lib/summary.ts';
import { runnerEnv } from './env.ts';
import { runScenario } from './run.ts';

const { values, positionals } = parseArgs({ options: { profile: { type: 'string' } }, allowPositionals: true });
const names = positionals.length ? positionals : [...SCENARIOS];
const root = findRepoRoot();
const env = { ...runnerEnv(root), ...(values.profile ? { PROFILE: values.profile } : {}) };
const log = (line: string) => console.error(`[load ${new Date().toISOString().slice(11, 19)}] ${line}`);

let failed = false;
try {
  for (const name of names) {
    const { summary, file, errors } = await runScenario(name, { env, root, log });
    console.log(JSON.stringify(summary, null, 2));
    process.stderr.write(textSummary(summary));
    for (const e of errors) log(`iteration error: ${e}`);
    log(`summary written to ${file}`);
    failed ||= !summary.ok;
  }
} catch (err) {
  log(`failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(2);
}
process.exit(failed ? 1 : 0);
