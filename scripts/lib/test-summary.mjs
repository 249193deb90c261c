#!/usr/bin/env node
// Sums every vitest JSON report under test-output/results into one line:
//   tests: N passed, N failed
// so a run that executed nothing is visible. Exits 1 when any test failed or none ran.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';

const dir = path.resolve(import.meta.dirname, '../../test-output/results');
let passed = 0;
let failed = 0;
let skipped = 0;
const suites = [];
for (const file of existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : []) {
  const report = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  const p = report.numPassedTests ?? 0;
  // A file that failed to load, or whose setup failed (its tests then show as skipped), counts
  // as a failure even though none of its assertions failed.
  const loadFailures = (report.testResults ?? []).filter(
    (r) => r.status === 'failed' && !(r.assertionResults ?? []).some((a) => a.status === 'failed'),
  ).length;
  const f = (report.numFailedTests ?? 0) + loadFailures;
  const s = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  passed += p;
  failed += f;
  skipped += s;
  suites.push(`  ${file.replace(/\.json$/, '').padEnd(48)} ${String(p).padStart(4)} passed ${String(f).padStart(3)} failed${s ? ` ${s} skipped` : ''}`);
}
console.log(suites.join('\n'));
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
